namespace TypedGrains.Serialization;

/// <summary>The first bytes ("format codes") of the MessagePack wire format and their ranges.</summary>
public static class MessagePackCode
{
    /// <summary>Largest positive fixint (0x00–0x7f hold the value itself).</summary>
    public const byte MaxPositiveFixInt = 0x7f;

    /// <summary>First fixmap code (0x80–0x8f, element count in the low 4 bits).</summary>
    public const byte MinFixMap = 0x80;

    /// <summary>Last fixmap code.</summary>
    public const byte MaxFixMap = 0x8f;

    /// <summary>First fixarray code (0x90–0x9f, element count in the low 4 bits).</summary>
    public const byte MinFixArray = 0x90;

    /// <summary>Last fixarray code.</summary>
    public const byte MaxFixArray = 0x9f;

    /// <summary>First fixstr code (0xa0–0xbf, byte length in the low 5 bits).</summary>
    public const byte MinFixStr = 0xa0;

    /// <summary>Last fixstr code.</summary>
    public const byte MaxFixStr = 0xbf;

    /// <summary>nil.</summary>
    public const byte Nil = 0xc0;

    /// <summary>The reserved code that never starts a valid value.</summary>
    public const byte NeverUsed = 0xc1;

    /// <summary>false.</summary>
    public const byte False = 0xc2;

    /// <summary>true.</summary>
    public const byte True = 0xc3;

    /// <summary>bin 8: one length byte.</summary>
    public const byte Bin8 = 0xc4;

    /// <summary>bin 16: two big-endian length bytes.</summary>
    public const byte Bin16 = 0xc5;

    /// <summary>bin 32: four big-endian length bytes.</summary>
    public const byte Bin32 = 0xc6;

    /// <summary>ext 8: one length byte, then the type byte.</summary>
    public const byte Ext8 = 0xc7;

    /// <summary>ext 16: two length bytes, then the type byte.</summary>
    public const byte Ext16 = 0xc8;

    /// <summary>ext 32: four length bytes, then the type byte.</summary>
    public const byte Ext32 = 0xc9;

    /// <summary>float 32 (IEEE 754 single, big-endian).</summary>
    public const byte Float32 = 0xca;

    /// <summary>float 64 (IEEE 754 double, big-endian).</summary>
    public const byte Float64 = 0xcb;

    /// <summary>uint 8.</summary>
    public const byte UInt8 = 0xcc;

    /// <summary>uint 16.</summary>
    public const byte UInt16 = 0xcd;

    /// <summary>uint 32.</summary>
    public const byte UInt32 = 0xce;

    /// <summary>uint 64.</summary>
    public const byte UInt64 = 0xcf;

    /// <summary>int 8.</summary>
    public const byte Int8 = 0xd0;

    /// <summary>int 16.</summary>
    public const byte Int16 = 0xd1;

    /// <summary>int 32.</summary>
    public const byte Int32 = 0xd2;

    /// <summary>int 64.</summary>
    public const byte Int64 = 0xd3;

    /// <summary>fixext 1: type byte and 1 data byte.</summary>
    public const byte FixExt1 = 0xd4;

    /// <summary>fixext 2.</summary>
    public const byte FixExt2 = 0xd5;

    /// <summary>fixext 4.</summary>
    public const byte FixExt4 = 0xd6;

    /// <summary>fixext 8.</summary>
    public const byte FixExt8 = 0xd7;

    /// <summary>fixext 16.</summary>
    public const byte FixExt16 = 0xd8;

    /// <summary>str 8: one length byte.</summary>
    public const byte Str8 = 0xd9;

    /// <summary>str 16.</summary>
    public const byte Str16 = 0xda;

    /// <summary>str 32.</summary>
    public const byte Str32 = 0xdb;

    /// <summary>array 16.</summary>
    public const byte Array16 = 0xdc;

    /// <summary>array 32.</summary>
    public const byte Array32 = 0xdd;

    /// <summary>map 16.</summary>
    public const byte Map16 = 0xde;

    /// <summary>map 32.</summary>
    public const byte Map32 = 0xdf;

    /// <summary>First negative fixint code (0xe0–0xff hold -32..-1).</summary>
    public const byte MinNegativeFixInt = 0xe0;

    /// <summary>The extension type of the timestamp extension.</summary>
    public const sbyte TimestampExtensionType = -1;

    /// <summary>Tells the family of the value a code starts.</summary>
    /// <param name="code">The first byte of a value.</param>
    /// <returns>The family; <see cref="MessagePackType.Unknown"/> for 0xc1.</returns>
    public static MessagePackType ToMessagePackType(byte code) => code switch
    {
        <= MaxPositiveFixInt => MessagePackType.Integer,
        <= MaxFixMap => MessagePackType.Map,
        <= MaxFixArray => MessagePackType.Array,
        <= MaxFixStr => MessagePackType.String,
        Nil => MessagePackType.Nil,
        NeverUsed => MessagePackType.Unknown,
        False or True => MessagePackType.Boolean,
        <= Bin32 => MessagePackType.Binary,
        <= Ext32 => MessagePackType.Extension,
        <= Float64 => MessagePackType.Float,
        <= Int64 => MessagePackType.Integer,
        <= FixExt16 => MessagePackType.Extension,
        <= Str32 => MessagePackType.String,
        <= Array32 => MessagePackType.Array,
        <= Map32 => MessagePackType.Map,
        _ => MessagePackType.Integer,
    };
}
