using System.Collections.Concurrent;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>A bounded, lock-free pool of envelopes of one closed generic type, so steady-state calls allocate none.</summary>
internal static class EnvelopePool<T>
    where T : class, new()
{
    private const int Capacity = 4096;
    private static readonly ConcurrentQueue<T> s_items = new();

    public static T Rent() => s_items.TryDequeue(out var item) ? item : new T();

    public static void Return(T item)
    {
        if (s_items.Count < Capacity)
        {
            s_items.Enqueue(item);
        }
    }
}
