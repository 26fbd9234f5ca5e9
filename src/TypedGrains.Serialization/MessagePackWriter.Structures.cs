using System;
using System.Buffers.Binary;

namespace TypedGrains.Serialization;

/// <content>Array and map headers, extensions and timestamps.</content>
public ref partial struct MessagePackWriter
{
    /// <summary>Writes the header of an array of <paramref name="count"/> elements (fixarray, array 16/32); the elements must follow.</summary>
    /// <param name="count">The element count.</param>
    public void WriteArrayHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteArrayHeader((uint)count);
    }

    /// <summary>Writes the header of an array of <paramref name="count"/> elements (fixarray, array 16/32); the elements must follow.</summary>
    /// <param name="count">The element count.</param>
    public void WriteArrayHeader(uint count)
    {
        if (count <= 15)
        {
            WriteByte((byte)(MessagePackCode.MinFixArray | count));
        }
        else if (count <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.Array16, (ushort)count);
        }
        else
        {
            WriteCodeAndUInt32(MessagePackCode.Array32, count);
        }
    }

    /// <summary>Writes the header of a map of <paramref name="count"/> key/value pairs (fixmap, map 16/32); the pairs must follow.</summary>
    /// <param name="count">The number of pairs.</param>
    public void WriteMapHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        WriteMapHeader((uint)count);
    }

    /// <summary>Writes the header of a map of <paramref name="count"/> key/value pairs (fixmap, map 16/32); the pairs must follow.</summary>
    /// <param name="count">The number of pairs.</param>
    public void WriteMapHeader(uint count)
    {
        if (count <= 15)
        {
            WriteByte((byte)(MessagePackCode.MinFixMap | count));
        }
        else if (count <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.Map16, (ushort)count);
        }
        else
        {
            WriteCodeAndUInt32(MessagePackCode.Map32, count);
        }
    }

    /// <summary>
    /// Writes the header of an extension value: fixext 1/2/4/8/16 for those lengths, otherwise ext 8/16/32.
    /// The <paramref name="length"/> payload bytes must follow.
    /// </summary>
    /// <param name="typeCode">The extension type.</param>
    /// <param name="length">The payload length.</param>
    public void WriteExtensionHeader(sbyte typeCode, int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        byte type = unchecked((byte)typeCode);
        byte fixCode = length switch
        {
            1 => MessagePackCode.FixExt1,
            2 => MessagePackCode.FixExt2,
            4 => MessagePackCode.FixExt4,
            8 => MessagePackCode.FixExt8,
            16 => MessagePackCode.FixExt16,
            _ => 0,
        };

        if (fixCode != 0)
        {
            Span<byte> span = GetSpan(2);
            span[0] = fixCode;
            span[1] = type;
            _buffered += 2;
        }
        else if (length <= byte.MaxValue)
        {
            Span<byte> span = GetSpan(3);
            span[0] = MessagePackCode.Ext8;
            span[1] = (byte)length;
            span[2] = type;
            _buffered += 3;
        }
        else if (length <= ushort.MaxValue)
        {
            Span<byte> span = GetSpan(4);
            span[0] = MessagePackCode.Ext16;
            BinaryPrimitives.WriteUInt16BigEndian(span[1..], (ushort)length);
            span[3] = type;
            _buffered += 4;
        }
        else
        {
            Span<byte> span = GetSpan(6);
            span[0] = MessagePackCode.Ext32;
            BinaryPrimitives.WriteUInt32BigEndian(span[1..], (uint)length);
            span[5] = type;
            _buffered += 6;
        }
    }

    /// <summary>Writes an extension value: its header and its payload.</summary>
    /// <param name="typeCode">The extension type.</param>
    /// <param name="payload">The payload.</param>
    public void WriteExtension(sbyte typeCode, scoped ReadOnlySpan<byte> payload)
    {
        WriteExtensionHeader(typeCode, payload.Length);
        WriteRaw(payload);
    }

    /// <summary>
    /// Writes the timestamp extension (type -1) in the smallest of its three forms: timestamp 32 (fixext 4) for whole
    /// seconds in 0..2^32-1, timestamp 64 (fixext 8) for seconds in 0..2^34-1, otherwise timestamp 96 (ext 8, length 12).
    /// </summary>
    /// <param name="value">The timestamp.</param>
    public void WriteTimestamp(MessagePackTimestamp value)
    {
        long seconds = value.Seconds;
        uint nanoseconds = value.Nanoseconds;
        if ((ulong)seconds >> 34 == 0)
        {
            if (nanoseconds == 0 && seconds <= uint.MaxValue)
            {
                Span<byte> span = GetSpan(6);
                span[0] = MessagePackCode.FixExt4;
                span[1] = unchecked((byte)MessagePackCode.TimestampExtensionType);
                BinaryPrimitives.WriteUInt32BigEndian(span[2..], (uint)seconds);
                _buffered += 6;
            }
            else
            {
                Span<byte> span = GetSpan(10);
                span[0] = MessagePackCode.FixExt8;
                span[1] = unchecked((byte)MessagePackCode.TimestampExtensionType);
                BinaryPrimitives.WriteUInt64BigEndian(span[2..], ((ulong)nanoseconds << 34) | (ulong)seconds);
                _buffered += 10;
            }
        }
        else
        {
            Span<byte> span = GetSpan(15);
            span[0] = MessagePackCode.Ext8;
            span[1] = 12;
            span[2] = unchecked((byte)MessagePackCode.TimestampExtensionType);
            BinaryPrimitives.WriteUInt32BigEndian(span[3..], nanoseconds);
            BinaryPrimitives.WriteInt64BigEndian(span[7..], seconds);
            _buffered += 15;
        }
    }

    /// <summary>Writes a <see cref="DateTime"/> as the timestamp extension (see <see cref="MessagePackTimestamp.FromDateTime"/> for its kind).</summary>
    /// <param name="value">The instant.</param>
    public void WriteTimestamp(DateTime value) => WriteTimestamp(MessagePackTimestamp.FromDateTime(value));
}
