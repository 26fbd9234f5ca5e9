using System;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace TypedGrains.Serialization;

/// <summary>
/// Writes MessagePack to an <see cref="IBufferWriter{T}"/>, always in the smallest encoding the spec allows.
/// Bytes are written into spans acquired from the output in chunks; call <see cref="Flush"/> when done,
/// which commits them with <see cref="IBufferWriter{T}.Advance"/>. Writing primitives allocates nothing.
/// </summary>
public ref struct MessagePackWriter
{
    private const int MinimumChunk = 256;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _buffered;

    /// <summary>Creates a writer over an output.</summary>
    /// <param name="output">Where the bytes go.</param>
    public MessagePackWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _buffer = default;
        _buffered = 0;
    }

    /// <summary>Commits every byte written so far to the output.</summary>
    public void Flush()
    {
        if (_buffered > 0)
        {
            _output.Advance(_buffered);
        }

        _buffer = default;
        _buffered = 0;
    }

    /// <summary>Writes nil.</summary>
    public void WriteNil() => WriteByte(MessagePackCode.Nil);

    /// <summary>Writes false or true.</summary>
    /// <param name="value">The value.</param>
    public void WriteBoolean(bool value) => WriteByte(value ? MessagePackCode.True : MessagePackCode.False);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteInt32(int value) => WriteInt64(value);

    /// <summary>Writes an integer in its smallest encoding.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt32(uint value) => WriteUInt64(value);

    /// <summary>
    /// Writes an integer in its smallest encoding: a fixint, or the narrowest of int 8/16/32/64 for negatives and of
    /// uint 8/16/32/64 for positives.
    /// </summary>
    /// <param name="value">The value.</param>
    public void WriteInt64(long value)
    {
        if (value >= 0)
        {
            WriteUInt64((ulong)value);
        }
        else if (value >= -32)
        {
            WriteByte(unchecked((byte)value));
        }
        else if (value >= sbyte.MinValue)
        {
            Span<byte> span = GetSpan(2);
            span[0] = MessagePackCode.Int8;
            span[1] = unchecked((byte)value);
            _buffered += 2;
        }
        else if (value >= short.MinValue)
        {
            Span<byte> span = GetSpan(3);
            span[0] = MessagePackCode.Int16;
            BinaryPrimitives.WriteInt16BigEndian(span[1..], (short)value);
            _buffered += 3;
        }
        else if (value >= int.MinValue)
        {
            Span<byte> span = GetSpan(5);
            span[0] = MessagePackCode.Int32;
            BinaryPrimitives.WriteInt32BigEndian(span[1..], (int)value);
            _buffered += 5;
        }
        else
        {
            Span<byte> span = GetSpan(9);
            span[0] = MessagePackCode.Int64;
            BinaryPrimitives.WriteInt64BigEndian(span[1..], value);
            _buffered += 9;
        }
    }

    /// <summary>Writes a non-negative integer in its smallest encoding: a positive fixint or uint 8/16/32/64.</summary>
    /// <param name="value">The value.</param>
    public void WriteUInt64(ulong value)
    {
        if (value <= MessagePackCode.MaxPositiveFixInt)
        {
            WriteByte((byte)value);
        }
        else if (value <= byte.MaxValue)
        {
            Span<byte> span = GetSpan(2);
            span[0] = MessagePackCode.UInt8;
            span[1] = (byte)value;
            _buffered += 2;
        }
        else if (value <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.UInt16, (ushort)value);
        }
        else if (value <= uint.MaxValue)
        {
            WriteCodeAndUInt32(MessagePackCode.UInt32, (uint)value);
        }
        else
        {
            Span<byte> span = GetSpan(9);
            span[0] = MessagePackCode.UInt64;
            BinaryPrimitives.WriteUInt64BigEndian(span[1..], value);
            _buffered += 9;
        }
    }

    /// <summary>Writes a float 32.</summary>
    /// <param name="value">The value.</param>
    public void WriteSingle(float value)
    {
        Span<byte> span = GetSpan(5);
        span[0] = MessagePackCode.Float32;
        BinaryPrimitives.WriteSingleBigEndian(span[1..], value);
        _buffered += 5;
    }

    /// <summary>Writes a float 64.</summary>
    /// <param name="value">The value.</param>
    public void WriteDouble(double value)
    {
        Span<byte> span = GetSpan(9);
        span[0] = MessagePackCode.Float64;
        BinaryPrimitives.WriteDoubleBigEndian(span[1..], value);
        _buffered += 9;
    }

    /// <summary>Writes a string as UTF-8, or nil when it is <see langword="null"/>.</summary>
    /// <param name="value">The value.</param>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            WriteString(value.AsSpan());
        }
    }

    /// <summary>
    /// Writes characters as a UTF-8 string (fixstr or str 8/16/32), encoding straight into the output.
    /// An unpaired surrogate is written as U+FFFD, as <see cref="Encoding.UTF8"/> does.
    /// </summary>
    /// <param name="value">The characters.</param>
    public void WriteString(scoped ReadOnlySpan<char> value)
    {
        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteStringHeader(byteCount);
        while (!value.IsEmpty)
        {
            Span<byte> destination = GetAvailableSpan(4);
            OperationStatus status = Utf8.FromUtf16(value, destination, out int charsRead, out int bytesWritten, replaceInvalidSequences: true, isFinalBlock: true);
            _buffered += bytesWritten;
            value = value[charsRead..];
            if (status is not (OperationStatus.Done or OperationStatus.DestinationTooSmall))
            {
                throw new InvalidOperationException($"UTF-8 encoding stopped with {status}.");
            }
        }
    }

    /// <summary>Writes a string whose bytes are already UTF-8 (they are copied as they are).</summary>
    /// <param name="utf8">The UTF-8 bytes.</param>
    public void WriteStringUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        WriteStringHeader(utf8.Length);
        WriteRaw(utf8);
    }

    /// <summary>Writes the header of a string of <paramref name="byteLength"/> UTF-8 bytes; the bytes must follow.</summary>
    /// <param name="byteLength">The length in bytes.</param>
    public void WriteStringHeader(int byteLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(byteLength);
        if (byteLength <= 31)
        {
            WriteByte((byte)(MessagePackCode.MinFixStr | byteLength));
        }
        else if (byteLength <= byte.MaxValue)
        {
            Span<byte> span = GetSpan(2);
            span[0] = MessagePackCode.Str8;
            span[1] = (byte)byteLength;
            _buffered += 2;
        }
        else if (byteLength <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.Str16, (ushort)byteLength);
        }
        else
        {
            WriteCodeAndUInt32(MessagePackCode.Str32, (uint)byteLength);
        }
    }

    /// <summary>Writes a byte array as bin 8/16/32, or nil when it is <see langword="null"/>.</summary>
    /// <param name="value">The bytes.</param>
    public void WriteBinary(byte[]? value)
    {
        if (value is null)
        {
            WriteNil();
        }
        else
        {
            WriteBinary(value.AsSpan());
        }
    }

    /// <summary>Writes bytes as bin 8/16/32.</summary>
    /// <param name="value">The bytes.</param>
    public void WriteBinary(scoped ReadOnlySpan<byte> value)
    {
        WriteBinaryHeader(value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes the header of a bin value of <paramref name="length"/> bytes; the bytes must follow.</summary>
    /// <param name="length">The length in bytes.</param>
    public void WriteBinaryHeader(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (length <= byte.MaxValue)
        {
            Span<byte> span = GetSpan(2);
            span[0] = MessagePackCode.Bin8;
            span[1] = (byte)length;
            _buffered += 2;
        }
        else if (length <= ushort.MaxValue)
        {
            WriteCodeAndUInt16(MessagePackCode.Bin16, (ushort)length);
        }
        else
        {
            WriteCodeAndUInt32(MessagePackCode.Bin32, (uint)length);
        }
    }

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

    /// <summary>Copies bytes to the output as they are; they must be valid MessagePack where a value is expected.</summary>
    /// <param name="bytes">The bytes.</param>
    public void WriteRaw(scoped ReadOnlySpan<byte> bytes)
    {
        while (!bytes.IsEmpty)
        {
            Span<byte> destination = GetAvailableSpan(1);
            int count = Math.Min(destination.Length, bytes.Length);
            bytes[..count].CopyTo(destination);
            _buffered += count;
            bytes = bytes[count..];
        }
    }

    private void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        _buffered++;
    }

    private void WriteCodeAndUInt16(byte code, ushort value)
    {
        Span<byte> span = GetSpan(3);
        span[0] = code;
        BinaryPrimitives.WriteUInt16BigEndian(span[1..], value);
        _buffered += 3;
    }

    private void WriteCodeAndUInt32(byte code, uint value)
    {
        Span<byte> span = GetSpan(5);
        span[0] = code;
        BinaryPrimitives.WriteUInt32BigEndian(span[1..], value);
        _buffered += 5;
    }

    // A span of exactly `size` bytes at the write position.
    private Span<byte> GetSpan(int size) => GetAvailableSpan(size)[..size];

    // All the buffered space left, at least `minimum` bytes of it.
    private Span<byte> GetAvailableSpan(int minimum)
    {
        if (_buffer.Length - _buffered < minimum)
        {
            AcquireChunk(minimum);
        }

        return _buffer[_buffered..];
    }

    private void AcquireChunk(int minimum)
    {
        if (_buffered > 0)
        {
            _output.Advance(_buffered);
            _buffered = 0;
        }

        _buffer = _output.GetSpan(Math.Max(minimum, MinimumChunk));
        if (_buffer.Length < minimum)
        {
            throw new InvalidOperationException($"The output returned a span of {_buffer.Length} bytes when at least {minimum} were asked for.");
        }
    }
}
