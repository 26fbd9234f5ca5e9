using System;
using System.Runtime.CompilerServices;

namespace TypedGrains.Serialization.Formatters;

/// <summary>
/// How large a collection may be made before its elements are read. A header's count is already checked against the
/// input left (an element takes at least one byte), but an element can take far more memory than bytes: pre-sized to
/// the count, a hostile header would cost a multiple of the input. The initial capacity is capped so that it takes no
/// more memory than the input left; the collection grows past it only with elements actually read.
/// </summary>
internal static class CollectionCapacity
{
    // A floor, so that small collections of large elements are still sized in one go.
    private const int Floor = 16;

    /// <summary>The initial capacity of a collection of <paramref name="count"/> elements of <typeparamref name="T"/>.</summary>
    public static int Of<T>(int count, long remaining) => Cap(count, remaining, Unsafe.SizeOf<T>());

    /// <summary>The initial capacity of a dictionary of <paramref name="count"/> entries (key, value, hash, link, bucket).</summary>
    public static int OfEntries<TKey, TValue>(int count, long remaining) =>
        Cap(count, remaining, Unsafe.SizeOf<TKey>() + Unsafe.SizeOf<TValue>() + (3 * sizeof(int)));

    private static int Cap(int count, long remaining, int elementSize)
    {
        long affordable = Math.Max(Floor, remaining / Math.Max(1, elementSize));
        return (int)Math.Min(count, affordable);
    }
}
