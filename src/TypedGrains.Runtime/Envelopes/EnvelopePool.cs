using System.Collections.Concurrent;
using System.Threading;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A pool of envelopes of one closed generic type, so steady-state calls allocate none: one cached envelope per
/// thread (a caller that awaits its reply usually rents and returns on the same thread), then a shared queue with
/// an exact bound (a racy count drifted above the bound under load and stopped all recycling).
/// </summary>
internal static class EnvelopePool<T>
    where T : class, new()
{
    private const int SharedCapacity = 4096;
    private static readonly ConcurrentQueue<T> s_shared = new();
    private static int s_sharedCount;

    [System.ThreadStatic]
    private static T? t_cached;

    public static T Rent()
    {
        var cached = t_cached;
        if (cached is not null)
        {
            t_cached = null;
            return cached;
        }

        if (s_shared.TryDequeue(out var item))
        {
            Interlocked.Decrement(ref s_sharedCount);
            return item;
        }

        return new T();
    }

    public static void Return(T item)
    {
        if (t_cached is null)
        {
            t_cached = item;
        }
        else if (Volatile.Read(ref s_sharedCount) < SharedCapacity)
        {
            Interlocked.Increment(ref s_sharedCount);
            s_shared.Enqueue(item);
        }
    }
}
