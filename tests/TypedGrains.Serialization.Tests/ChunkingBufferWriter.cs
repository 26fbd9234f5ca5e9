using System;
using System.Buffers;
using System.Collections.Generic;

namespace TypedGrains.Serialization.Tests;

/// <summary>
/// An <see cref="IBufferWriter{T}"/> that hands out spans of exactly the size asked for, in separate arrays, so a
/// writer's output is cut into many chunks.
/// </summary>
internal sealed class ChunkingBufferWriter : IBufferWriter<byte>
{
    private readonly List<byte> _written = [];
    private byte[] _current = [];

    public int Chunks { get; private set; }

    public byte[] WrittenBytes => [.. _written];

    public void Advance(int count)
    {
        if (count > _current.Length)
        {
            throw new InvalidOperationException("Advanced past the span handed out.");
        }

        _written.AddRange(_current.AsSpan(0, count));
        _current = [];
    }

    public Memory<byte> GetMemory(int sizeHint = 0) => Next(sizeHint);

    public Span<byte> GetSpan(int sizeHint = 0) => Next(sizeHint);

    private byte[] Next(int sizeHint)
    {
        Chunks++;
        _current = new byte[Math.Max(sizeHint, 1)];
        return _current;
    }
}
