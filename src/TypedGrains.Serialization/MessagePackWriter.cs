using System;
using System.Buffers;
using System.Buffers.Binary;

namespace TypedGrains.Serialization;

/// <summary>
/// Writes MessagePack to an <see cref="IBufferWriter{T}"/>, always in the smallest encoding the spec allows.
/// Bytes are written into spans acquired from the output in chunks; call <see cref="Flush"/> when done,
/// which commits them with <see cref="IBufferWriter{T}.Advance"/>. Writing primitives allocates nothing.
/// Formatters count nesting with <see cref="IncreaseDepth"/> as they do when reading, so a value nested deeper than
/// a reader would accept fails when it is written.
/// </summary>
public ref partial struct MessagePackWriter
{
    private const int MinimumChunk = 256;

    private readonly IBufferWriter<byte> _output;
    private Span<byte> _buffer;
    private int _buffered;

    /// <summary>Creates a writer over an output.</summary>
    /// <param name="output">Where the bytes go.</param>
    public MessagePackWriter(IBufferWriter<byte> output)
        : this(output, MessagePackReader.DefaultMaxDepth)
    {
    }

    /// <summary>Creates a writer over an output with a nesting limit.</summary>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="maxDepth">How many objects/collections may nest (see <see cref="MaxDepth"/>).</param>
    public MessagePackWriter(IBufferWriter<byte> output, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        _output = output;
        _buffer = default;
        _buffered = 0;
        MaxDepth = maxDepth;
        Depth = 0;
    }

    /// <summary>
    /// How many levels of objects/collections may nest (default <see cref="MessagePackReader.DefaultMaxDepth"/>, the
    /// reader's default); formatters enforce it through <see cref="IncreaseDepth"/>.
    /// </summary>
    public int MaxDepth { get; }

    /// <summary>The current nesting level as counted by <see cref="IncreaseDepth"/> and <see cref="DecreaseDepth"/>.</summary>
    public int Depth { get; private set; }

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
