using System;
using System.Globalization;

namespace TypedGrains.Serialization;

/// <content>Nil, booleans, integers and floating-point numbers.</content>
public ref partial struct MessagePackReader
{
    /// <summary>Reads nil if it is next.</summary>
    /// <returns>Whether a nil was read; when <see langword="false"/> the reader has not moved.</returns>
    /// <exception cref="MessagePackSerializationException">The input has ended.</exception>
    public bool TryReadNil()
    {
        if (PeekByte() != MessagePackCode.Nil)
        {
            return false;
        }

        _index++;
        return true;
    }

    /// <summary>Reads nil.</summary>
    public void ReadNil()
    {
        long offset = Consumed;
        byte code = PeekByte();
        if (code != MessagePackCode.Nil)
        {
            throw MessagePackReaderErrors.WrongType("Nil", code, offset);
        }

        _index++;
    }

    /// <summary>Reads false or true.</summary>
    /// <returns>The value.</returns>
    public bool ReadBoolean()
    {
        long offset = Consumed;
        byte code = PeekByte();
        bool value = code switch
        {
            MessagePackCode.False => false,
            MessagePackCode.True => true,
            _ => throw MessagePackReaderErrors.WrongType("Boolean", code, offset),
        };
        _index++;
        return value;
    }

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="sbyte"/>.</summary>
    /// <returns>The value.</returns>
    public sbyte ReadSByte() => (sbyte)ReadInt64InRange(sbyte.MinValue, sbyte.MaxValue, nameof(SByte));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="byte"/>.</summary>
    /// <returns>The value.</returns>
    public byte ReadByte() => (byte)ReadInt64InRange(byte.MinValue, byte.MaxValue, nameof(Byte));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="short"/>.</summary>
    /// <returns>The value.</returns>
    public short ReadInt16() => (short)ReadInt64InRange(short.MinValue, short.MaxValue, nameof(Int16));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="ushort"/>.</summary>
    /// <returns>The value.</returns>
    public ushort ReadUInt16() => (ushort)ReadInt64InRange(ushort.MinValue, ushort.MaxValue, nameof(UInt16));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="int"/>.</summary>
    /// <returns>The value.</returns>
    public int ReadInt32() => (int)ReadInt64InRange(int.MinValue, int.MaxValue, nameof(Int32));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="uint"/>.</summary>
    /// <returns>The value.</returns>
    public uint ReadUInt32() => (uint)ReadInt64InRange(uint.MinValue, uint.MaxValue, nameof(UInt32));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="long"/>. Floats are not accepted.</summary>
    /// <returns>The value.</returns>
    public long ReadInt64() => ReadInt64InRange(long.MinValue, long.MaxValue, nameof(Int64));

    /// <summary>Reads an integer of any MessagePack width that fits in <see cref="ulong"/>. Floats are not accepted.</summary>
    /// <returns>The value.</returns>
    public ulong ReadUInt64()
    {
        long offset = Consumed;
        if (ReadInteger(out long signed, out ulong unsigned))
        {
            return signed >= 0
                ? (ulong)signed
                : throw MessagePackReaderErrors.Overflow(signed.ToString(CultureInfo.InvariantCulture), nameof(UInt64), offset);
        }

        return unsigned;
    }

    /// <summary>
    /// Reads a float 64, a float 32 (widened exactly) or an integer of any width (converted to the nearest double,
    /// which is exact up to 2^53).
    /// </summary>
    /// <returns>The value.</returns>
    public double ReadDouble()
    {
        byte code = PeekByte();
        return code switch
        {
            MessagePackCode.Float64 => BitConverter.Int64BitsToDouble((long)ReadCodeAndPayload(8)),
            MessagePackCode.Float32 => BitConverter.Int32BitsToSingle((int)(uint)ReadCodeAndPayload(4)),
            _ => ReadIntegerAsFloatingPoint("Float"),
        };
    }

    /// <summary>
    /// Reads a float 32, a float 64 (rounded to the nearest single) or an integer of any width (converted to the
    /// nearest single).
    /// </summary>
    /// <returns>The value.</returns>
    public float ReadSingle()
    {
        byte code = PeekByte();
        return code switch
        {
            MessagePackCode.Float32 => BitConverter.Int32BitsToSingle((int)(uint)ReadCodeAndPayload(4)),
            MessagePackCode.Float64 => (float)BitConverter.Int64BitsToDouble((long)ReadCodeAndPayload(8)),
            _ => (float)ReadIntegerAsFloatingPoint("Float"),
        };
    }

    private double ReadIntegerAsFloatingPoint(string expected)
    {
        long offset = Consumed;
        byte code = PeekByte();
        if (MessagePackCode.ToMessagePackType(code) != MessagePackType.Integer)
        {
            throw MessagePackReaderErrors.WrongType(expected, code, offset);
        }

        return ReadInteger(out long signed, out ulong unsigned) ? signed : unsigned;
    }

    private long ReadInt64InRange(long min, long max, string typeName)
    {
        long offset = Consumed;
        if (!ReadInteger(out long value, out ulong unsigned))
        {
            throw MessagePackReaderErrors.Overflow(unsigned.ToString(CultureInfo.InvariantCulture), typeName, offset);
        }

        if (value < min || value > max)
        {
            throw MessagePackReaderErrors.Overflow(value.ToString(CultureInfo.InvariantCulture), typeName, offset);
        }

        return value;
    }

    // Reads any integer format. Returns true with `signed` set when the value fits in a long,
    // false with `unsigned` set for a uint 64 above long.MaxValue.
    private bool ReadInteger(out long signed, out ulong unsigned)
    {
        long offset = Consumed;
        byte code = PeekByte();
        unsigned = 0;
        switch (code)
        {
            case <= MessagePackCode.MaxPositiveFixInt:
                _index++;
                signed = code;
                return true;
            case >= MessagePackCode.MinNegativeFixInt:
                _index++;
                signed = unchecked((sbyte)code);
                return true;
            case MessagePackCode.UInt8:
                signed = (byte)ReadCodeAndPayload(1);
                return true;
            case MessagePackCode.UInt16:
                signed = (ushort)ReadCodeAndPayload(2);
                return true;
            case MessagePackCode.UInt32:
                signed = (uint)ReadCodeAndPayload(4);
                return true;
            case MessagePackCode.UInt64:
                unsigned = ReadCodeAndPayload(8);
                signed = unchecked((long)unsigned);
                return unsigned <= long.MaxValue;
            case MessagePackCode.Int8:
                signed = unchecked((sbyte)(byte)ReadCodeAndPayload(1));
                return true;
            case MessagePackCode.Int16:
                signed = unchecked((short)(ushort)ReadCodeAndPayload(2));
                return true;
            case MessagePackCode.Int32:
                signed = unchecked((int)(uint)ReadCodeAndPayload(4));
                return true;
            case MessagePackCode.Int64:
                signed = unchecked((long)ReadCodeAndPayload(8));
                return true;
            default:
                throw MessagePackReaderErrors.WrongType("Integer", code, offset);
        }
    }
}
