using System.Collections.Concurrent;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A pool of envelopes of one closed generic type, so steady-state calls allocate none: one cached envelope per
/// thread (a caller that awaits its reply usually rents and returns on the same thread), then a shared queue whose
/// size is bounded approximately (a racy count is enough for a soft cap and costs no locked operation).
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
            s_sharedCount--;
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
        else if (s_sharedCount < SharedCapacity)
        {
            s_sharedCount++;
            s_shared.Enqueue(item);
        }
    }
}
