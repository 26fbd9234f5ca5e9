using System;
using System.Buffers;
using System.Buffers.Binary;

namespace TypedGrains.Serialization;

/// <summary>
/// Reads MessagePack from a <see cref="ReadOnlySpan{T}"/> or a <see cref="ReadOnlySequence{T}"/> (values may span
/// segments). Every fault of the input — truncation, the reserved code 0xc1, a value of another type than the one
/// asked for, overflow, a length larger than the input left, nesting deeper than <see cref="MaxDepth"/>, invalid
/// UTF-8 or an invalid timestamp — throws <see cref="MessagePackSerializationException"/>, after which the reader's
/// position is unspecified. Lengths and counts are checked against the remaining input before anything is
/// allocated, so a hostile length prefix cannot make the reader allocate more than the input's size.
/// </summary>
public ref partial struct MessagePackReader
{
    /// <summary>The nesting limit readers get unless told otherwise.</summary>
    public const int DefaultMaxDepth = 64;

    private readonly ReadOnlySequence<byte> _sequence;
    private readonly bool _isSequence;
    private readonly long _length;
    private SequencePosition _nextSegment;
    private ReadOnlySpan<byte> _span;
    private int _index;
    private long _spanStart;

    /// <summary>Creates a reader over contiguous bytes, with the default nesting limit.</summary>
    /// <param name="data">The MessagePack bytes.</param>
    public MessagePackReader(ReadOnlySpan<byte> data)
        : this(data, DefaultMaxDepth)
    {
    }

    /// <summary>Creates a reader over contiguous bytes.</summary>
    /// <param name="data">The MessagePack bytes.</param>
    /// <param name="maxDepth">How many arrays/maps may nest (see <see cref="MaxDepth"/>).</param>
    public MessagePackReader(ReadOnlySpan<byte> data, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        _sequence = default;
        _isSequence = false;
        _length = data.Length;
        _nextSegment = default;
        _span = data;
        _index = 0;
        _spanStart = 0;
        MaxDepth = maxDepth;
        Depth = 0;
    }

    /// <summary>Creates a reader over a sequence of segments, with the default nesting limit.</summary>
    /// <param name="data">The MessagePack bytes.</param>
    public MessagePackReader(in ReadOnlySequence<byte> data)
        : this(data, DefaultMaxDepth)
    {
    }

    /// <summary>Creates a reader over a sequence of segments.</summary>
    /// <param name="data">The MessagePack bytes.</param>
    /// <param name="maxDepth">How many arrays/maps may nest (see <see cref="MaxDepth"/>).</param>
    public MessagePackReader(in ReadOnlySequence<byte> data, int maxDepth)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxDepth);
        _sequence = data;
        _isSequence = true;
        _length = data.Length;
        _nextSegment = data.Start;
        _span = default;
        _index = 0;
        _spanStart = 0;
        MaxDepth = maxDepth;
        Depth = 0;
        LoadNextSegment();
    }

    /// <summary>
    /// How many arrays/maps may nest. <see cref="Skip"/> enforces it, and formatters that recurse into nested values
    /// enforce it through <see cref="IncreaseDepth"/>.
    /// </summary>
    public int MaxDepth { get; }

    /// <summary>The current nesting level as counted by <see cref="IncreaseDepth"/> and <see cref="DecreaseDepth"/>.</summary>
    public int Depth { get; private set; }

    /// <summary>
    /// Whatever the formatters of the caller need beyond the bytes; the generated grain reference formatters bind the
    /// references they read to the <c>TypedGrains.IGrainRuntime</c> found here (see <c>docs/serialization.md</c>).
    /// </summary>
    public object? Context { readonly get; set; }

    /// <summary>The number of bytes read so far.</summary>
    public readonly long Consumed => _spanStart + _index;

    /// <summary>The number of bytes not read yet.</summary>
    public readonly long Remaining => _length - Consumed;

    /// <summary>Whether every byte has been read.</summary>
    public readonly bool End => Consumed == _length;

    /// <summary>The position of the next byte in the sequence the reader was created over.</summary>
    /// <exception cref="InvalidOperationException">The reader reads a span, not a sequence.</exception>
    public readonly SequencePosition Position => _isSequence
        ? _sequence.GetPosition(Consumed)
        : throw new InvalidOperationException("A reader over a span has no sequence position; use Consumed.");

    /// <summary>The first byte of the next value, without reading it.</summary>
    /// <exception cref="MessagePackSerializationException">The input has ended.</exception>
    public byte NextCode => PeekByte();

    /// <summary>The family of the next value, without reading it.</summary>
    /// <exception cref="MessagePackSerializationException">The input ended, or the next byte is the reserved 0xc1.</exception>
    public MessagePackType NextMessagePackType
    {
        get
        {
            byte code = PeekByte();
            return code == MessagePackCode.NeverUsed
                ? throw MessagePackReaderErrors.ReservedCode(Consumed)
                : MessagePackCode.ToMessagePackType(code);
        }
    }

    /// <summary>Enters one level of nesting; a formatter calls it before reading the elements of a nested value.</summary>
    /// <exception cref="MessagePackSerializationException">The nesting would exceed <see cref="MaxDepth"/>.</exception>
    public void IncreaseDepth()
    {
        if (Depth >= MaxDepth)
        {
            throw MessagePackReaderErrors.TooDeep(Consumed, MaxDepth);
        }

        Depth++;
    }

    /// <summary>Leaves the level of nesting entered by the matching <see cref="IncreaseDepth"/>.</summary>
    public void DecreaseDepth()
    {
        if (Depth == 0)
        {
            throw new InvalidOperationException("DecreaseDepth was called more often than IncreaseDepth.");
        }

        Depth--;
    }

    /// <summary>Copies the next <c>destination.Length</c> bytes of the input as they are.</summary>
    /// <param name="destination">Where the bytes go.</param>
    public void ReadRaw(scoped Span<byte> destination)
    {
        EnsureRemaining(destination.Length, Consumed);
        CopyTo(destination);
    }

    /// <summary>Reads the next <paramref name="length"/> bytes of the input as they are.</summary>
    /// <param name="length">How many bytes.</param>
    /// <returns>A new array with the bytes.</returns>
    public byte[] ReadRaw(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        EnsureRemaining(length, Consumed);
        byte[] bytes = length == 0 ? [] : new byte[length];
        CopyTo(bytes);
        return bytes;
    }

    private byte PeekByte()
    {
        if ((uint)_index < (uint)_span.Length)
        {
            return _span[_index];
        }

        if (!LoadNextSegment())
        {
            throw MessagePackReaderErrors.Truncated(Consumed, 1, Remaining);
        }

        return _span[0];
    }

    // Throws unless `count` bytes remain. `offset` is where the value being read starts.
    private readonly void EnsureRemaining(long count, long offset)
    {
        if (_span.Length - _index < count && Remaining < count)
        {
            throw MessagePackReaderErrors.Truncated(offset, count, Remaining);
        }
    }

    // Reads the value's code byte and a big-endian payload of `size` bytes after it, checking both are there.
    private ulong ReadCodeAndPayload(int size)
    {
        EnsureRemaining(1 + size, Consumed);
        _index++; // the code byte, already in _span (PeekByte loaded it)
        return ReadBigEndian(size);
    }

    // Reads `size` (1, 2, 4 or 8) big-endian bytes that EnsureRemaining has vouched for.
    private ulong ReadBigEndian(int size)
    {
        if (_span.Length - _index >= size)
        {
            ReadOnlySpan<byte> bytes = _span.Slice(_index, size);
            _index += size;
            return size switch
            {
                1 => bytes[0],
                2 => BinaryPrimitives.ReadUInt16BigEndian(bytes),
                4 => BinaryPrimitives.ReadUInt32BigEndian(bytes),
                _ => BinaryPrimitives.ReadUInt64BigEndian(bytes),
            };
        }

        ulong value = 0;
        for (int i = 0; i < size; i++)
        {
            if (_index == _span.Length)
            {
                LoadNextSegment();
            }

            value = (value << 8) | _span[_index++];
        }

        return value;
    }

    // Copies bytes that EnsureRemaining has vouched for, across segments.
    private void CopyTo(scoped Span<byte> destination)
    {
        while (!destination.IsEmpty)
        {
            if (_index == _span.Length)
            {
                LoadNextSegment();
            }

            int count = Math.Min(destination.Length, _span.Length - _index);
            _span.Slice(_index, count).CopyTo(destination);
            _index += count;
            destination = destination[count..];
        }
    }

    // Skips bytes that EnsureRemaining has vouched for, across segments.
    private void Advance(long count)
    {
        while (true)
        {
            int available = _span.Length - _index;
            if (count <= available)
            {
                _index += (int)count;
                return;
            }

            count -= available;
            _index = _span.Length;
            LoadNextSegment();
        }
    }

    // Moves from the fully read current span to the next non-empty segment.
    private bool LoadNextSegment()
    {
        if (!_isSequence)
        {
            return false;
        }

        while (_sequence.TryGet(ref _nextSegment, out ReadOnlyMemory<byte> memory, advance: true))
        {
            if (!memory.IsEmpty)
            {
                _spanStart += _span.Length;
                _span = memory.Span;
                _index = 0;
                return true;
            }
        }

        return false;
    }

    // A length or count from a header, checked against the input left (each unit needs at least `bytesPerUnit` bytes).
    private readonly int CheckLength(ulong length, int bytesPerUnit, long offset, string what)
    {
        ulong needed = length * (ulong)bytesPerUnit;
        if (needed > (ulong)Remaining)
        {
            throw MessagePackReaderErrors.LengthTooLarge(offset, what, length, Remaining);
        }

        if (length > int.MaxValue)
        {
            throw MessagePackReaderErrors.LengthUnsupported(offset, what, length);
        }

        return (int)length;
    }
}
