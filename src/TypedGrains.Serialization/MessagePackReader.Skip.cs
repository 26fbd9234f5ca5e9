using System;
using System.Buffers;

namespace TypedGrains.Serialization;

/// <content>Skipping whole values without recursion.</content>
public ref partial struct MessagePackReader
{
    private const int StackallocDepth = 64;

    /// <summary>
    /// Skips the next value, with everything nested in it. It walks the value with an explicit stack, never
    /// recursing, and throws when arrays/maps nest deeper than <see cref="MaxDepth"/> (counted from <see cref="Depth"/>).
    /// It checks the structure (codes, lengths, nesting); it does not decode strings or timestamps.
    /// </summary>
    public void Skip()
    {
        int maxNesting = Math.Max(0, MaxDepth - Depth);
        long[]? rented = null;
        Span<long> pendingAtLevel = maxNesting <= StackallocDepth
            ? stackalloc long[StackallocDepth]
            : (rented = ArrayPool<long>.Shared.Rent(maxNesting));
        try
        {
            int level = 0;
            long pending = 1; // values still to skip at the current level
            while (true)
            {
                if (pending == 0)
                {
                    if (level == 0)
                    {
                        return;
                    }

                    pending = pendingAtLevel[--level];
                    continue;
                }

                pending--;
                long offset = Consumed;
                long children = SkipScalarOrReadContainerHeader();
                if (children < 0)
                {
                    continue;
                }

                if (level >= maxNesting)
                {
                    throw MessagePackReaderErrors.TooDeep(offset, MaxDepth);
                }

                if (children > 0)
                {
                    pendingAtLevel[level++] = pending;
                    pending = children;
                }
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<long>.Shared.Return(rented);
            }
        }
    }

    // Skips a scalar and returns -1, or reads an array/map header and returns the number of values it contains.
    private long SkipScalarOrReadContainerHeader()
    {
        long offset = Consumed;
        byte code = PeekByte();
        switch (code)
        {
            case <= MessagePackCode.MaxPositiveFixInt:
            case >= MessagePackCode.MinNegativeFixInt:
            case MessagePackCode.Nil:
            case MessagePackCode.False:
            case MessagePackCode.True:
                _index++;
                return -1;
            case <= MessagePackCode.MaxFixMap:
                return 2L * ReadMapHeader();
            case <= MessagePackCode.MaxFixArray:
                return ReadArrayHeader();
            case <= MessagePackCode.MaxFixStr:
            case MessagePackCode.Str8:
            case MessagePackCode.Str16:
            case MessagePackCode.Str32:
                Advance(ReadStringHeader());
                return -1;
            case MessagePackCode.Bin8:
            case MessagePackCode.Bin16:
            case MessagePackCode.Bin32:
                Advance(ReadBinaryHeader());
                return -1;
            case MessagePackCode.Ext8:
            case MessagePackCode.Ext16:
            case MessagePackCode.Ext32:
            case >= MessagePackCode.FixExt1 and <= MessagePackCode.FixExt16:
                Advance(ReadExtensionHeader().Length);
                return -1;
            case MessagePackCode.UInt8:
            case MessagePackCode.Int8:
                SkipFixed(2, offset);
                return -1;
            case MessagePackCode.UInt16:
            case MessagePackCode.Int16:
                SkipFixed(3, offset);
                return -1;
            case MessagePackCode.UInt32:
            case MessagePackCode.Int32:
            case MessagePackCode.Float32:
                SkipFixed(5, offset);
                return -1;
            case MessagePackCode.UInt64:
            case MessagePackCode.Int64:
            case MessagePackCode.Float64:
                SkipFixed(9, offset);
                return -1;
            case MessagePackCode.Array16:
            case MessagePackCode.Array32:
                return ReadArrayHeader();
            case MessagePackCode.Map16:
            case MessagePackCode.Map32:
                return 2L * ReadMapHeader();
            default:
                throw MessagePackReaderErrors.ReservedCode(offset);
        }
    }

    private void SkipFixed(int size, long offset)
    {
        EnsureRemaining(size, offset);
        Advance(size);
    }
}
