using System;
using System.Buffers;
using System.Collections.Generic;

namespace TypedGrains.Serialization.Tests;

/// <summary>Builds multi-segment <see cref="ReadOnlySequence{T}"/>s to test reading across segment boundaries.</summary>
internal static class Segments
{
    /// <summary>Two segments split at <paramref name="at"/> (either may be empty), each in its own array.</summary>
    public static ReadOnlySequence<byte> SplitAt(byte[] data, int at) =>
        Build([data.AsSpan(0, at).ToArray(), data.AsSpan(at).ToArray()]);

    /// <summary>One segment per byte, with empty segments between them.</summary>
    public static ReadOnlySequence<byte> ByteByByteWithEmpties(byte[] data)
    {
        List<byte[]> parts = [[]];
        foreach (byte b in data)
        {
            parts.Add([b]);
            parts.Add([]);
        }

        return Build(parts);
    }

    public static ReadOnlySequence<byte> Build(IReadOnlyList<byte[]> parts)
    {
        Segment first = new(parts[0], 0);
        Segment last = first;
        for (int i = 1; i < parts.Count; i++)
        {
            last = last.Append(parts[i]);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            Segment next = new(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
