using System;

namespace TypedGrains.Serialization;

/// <content>Array and map headers, extensions and timestamps.</content>
public ref partial struct MessagePackReader
{
    /// <summary>Reads the header of an array (fixarray, array 16/32); its elements follow.</summary>
    /// <returns>The element count, checked against the input left (each element takes at least one byte).</returns>
    public int ReadArrayHeader()
    {
        long offset = Consumed;
        byte code = PeekByte();
        ulong count;
        if (code is >= MessagePackCode.MinFixArray and <= MessagePackCode.MaxFixArray)
        {
            _index++;
            count = (uint)(code & 0x0f);
        }
        else
        {
            count = code switch
            {
                MessagePackCode.Array16 => ReadCodeAndPayload(2),
                MessagePackCode.Array32 => ReadCodeAndPayload(4),
                _ => throw MessagePackReaderErrors.WrongType("Array", code, offset),
            };
        }

        return CheckLength(count, 1, offset, "array");
    }

    /// <summary>Reads the header of a map (fixmap, map 16/32); its key/value pairs follow.</summary>
    /// <returns>The pair count, checked against the input left (each pair takes at least two bytes).</returns>
    public int ReadMapHeader()
    {
        long offset = Consumed;
        byte code = PeekByte();
        ulong count;
        if (code is >= MessagePackCode.MinFixMap and <= MessagePackCode.MaxFixMap)
        {
            _index++;
            count = (uint)(code & 0x0f);
        }
        else
        {
            count = code switch
            {
                MessagePackCode.Map16 => ReadCodeAndPayload(2),
                MessagePackCode.Map32 => ReadCodeAndPayload(4),
                _ => throw MessagePackReaderErrors.WrongType("Map", code, offset),
            };
        }

        return CheckLength(count, 2, offset, "map");
    }

    /// <summary>Reads the header of an extension value (fixext 1/2/4/8/16, ext 8/16/32); its payload follows.</summary>
    /// <returns>The extension type and the payload length, checked against the input left.</returns>
    public ExtensionHeader ReadExtensionHeader()
    {
        long offset = Consumed;
        byte code = PeekByte();
        ulong length;
        int lengthSize;
        switch (code)
        {
            case >= MessagePackCode.FixExt1 and <= MessagePackCode.FixExt16:
                length = 1UL << (code - MessagePackCode.FixExt1);
                lengthSize = 0;
                break;
            case MessagePackCode.Ext8:
                lengthSize = 1;
                length = 0;
                break;
            case MessagePackCode.Ext16:
                lengthSize = 2;
                length = 0;
                break;
            case MessagePackCode.Ext32:
                lengthSize = 4;
                length = 0;
                break;
            default:
                throw MessagePackReaderErrors.WrongType("Extension", code, offset);
        }

        EnsureRemaining(2 + lengthSize, offset); // code, length bytes, type byte
        _index++;
        if (lengthSize != 0)
        {
            length = ReadBigEndian(lengthSize);
        }

        sbyte typeCode = unchecked((sbyte)(byte)ReadBigEndian(1));
        return new ExtensionHeader(typeCode, CheckLength(length, 1, offset, "extension"));
    }

    /// <summary>Reads an extension value: its type and a new array with its payload.</summary>
    /// <param name="typeCode">The extension type.</param>
    /// <returns>The payload.</returns>
    public byte[] ReadExtension(out sbyte typeCode)
    {
        ExtensionHeader header = ReadExtensionHeader();
        typeCode = header.TypeCode;
        byte[] payload = header.Length == 0 ? [] : new byte[header.Length];
        CopyTo(payload);
        return payload;
    }

    /// <summary>
    /// Reads the timestamp extension (type -1) in any of its three forms (32, 64 and 96 bits).
    /// </summary>
    /// <returns>The seconds and nanoseconds; the nanoseconds are checked to be at most 999,999,999.</returns>
    public MessagePackTimestamp ReadTimestamp()
    {
        long offset = Consumed;
        byte code = PeekByte();
        if (MessagePackCode.ToMessagePackType(code) != MessagePackType.Extension)
        {
            throw MessagePackReaderErrors.WrongType("Timestamp", code, offset);
        }

        ExtensionHeader header = ReadExtensionHeader();
        if (header.TypeCode != MessagePackCode.TimestampExtensionType)
        {
            throw MessagePackReaderErrors.NotTimestamp(header.TypeCode, offset);
        }

        long seconds;
        ulong nanoseconds;
        switch (header.Length)
        {
            case 4:
                seconds = (long)ReadBigEndian(4);
                nanoseconds = 0;
                break;
            case 8:
                ulong packed = ReadBigEndian(8);
                nanoseconds = packed >> 34;
                seconds = (long)(packed & 0x3_ffff_ffffUL);
                break;
            case 12:
                nanoseconds = ReadBigEndian(4);
                seconds = unchecked((long)ReadBigEndian(8));
                break;
            default:
                throw MessagePackReaderErrors.TimestampLength(header.Length, offset);
        }

        if (nanoseconds > MessagePackTimestamp.MaxNanoseconds)
        {
            throw MessagePackReaderErrors.TimestampNanoseconds(nanoseconds, offset);
        }

        return new MessagePackTimestamp(seconds, (uint)nanoseconds);
    }

    /// <summary>
    /// Reads the timestamp extension as a UTC <see cref="DateTime"/>; nanoseconds below the 100 ns tick are truncated.
    /// </summary>
    /// <returns>The instant, of kind <see cref="DateTimeKind.Utc"/>.</returns>
    /// <exception cref="MessagePackSerializationException">The timestamp is invalid or outside the years 1..9999.</exception>
    public DateTime ReadDateTime()
    {
        long offset = Consumed;
        MessagePackTimestamp timestamp = ReadTimestamp();
        return timestamp.IsInDateTimeRange
            ? timestamp.ToDateTime()
            : throw MessagePackReaderErrors.TimestampOutOfDateTimeRange(timestamp, offset);
    }
}
