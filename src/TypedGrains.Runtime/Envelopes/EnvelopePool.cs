using System.Collections.Concurrent;
using System.Threading;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>
/// A pool of envelopes of one closed generic type, so steady-state calls and casts allocate none. Each thread rents
/// from and returns to a magazine of its own (a caller that awaits its reply usually rents and returns on one thread);
/// whole magazines move between threads through shared queues, so a sender whose envelopes are returned on another
/// thread (a stream of casts) pays one shared operation per <see cref="MagazineSize"/> envelopes, not one per envelope.
/// The shared queue has an exact bound, so a burst leaves at most that many envelopes behind.
/// </summary>
internal static class EnvelopePool<T>
    where T : class, new()
{
    /// <summary>Envelopes per magazine.</summary>
    private const int MagazineSize = 32;

    /// <summary>Full magazines kept for other threads: 4,096 envelopes in all.</summary>
    private const int SharedMagazines = 128;

    private static readonly ConcurrentQueue<Magazine> s_full = new();
    private static readonly ConcurrentQueue<Magazine> s_empty = new();
    private static int s_fullCount;

    [System.ThreadStatic]
    private static Magazine? t_magazine;

    public static T Rent()
    {
        var magazine = t_magazine;
        return magazine is not null && magazine.Count > 0 ? magazine.Pop() : RentShared(magazine);
    }

    public static void Return(T item)
    {
        var magazine = t_magazine ??= new Magazine();
        if (magazine.Count < MagazineSize)
        {
            magazine.Push(item);
        }
        else
        {
            ReturnShared(magazine, item);
        }
    }

    /// <summary>This thread's magazine is empty: swap it for a full one, or make a new envelope.</summary>
    private static T RentShared(Magazine? empty)
    {
        if (!s_full.TryDequeue(out var full))
        {
            return new T();
        }

        Interlocked.Decrement(ref s_fullCount);
        if (empty is not null)
        {
            s_empty.Enqueue(empty);
        }

        t_magazine = full;
        return full.Pop();
    }

    /// <summary>This thread's magazine is full: share it and start an empty one, or let the envelope go when the pool is full.</summary>
    private static void ReturnShared(Magazine full, T item)
    {
        if (Volatile.Read(ref s_fullCount) >= SharedMagazines)
        {
            return;
        }

        Interlocked.Increment(ref s_fullCount);
        s_full.Enqueue(full);
        var empty = s_empty.TryDequeue(out var reused) ? reused : new Magazine();
        t_magazine = empty;
        empty.Push(item);
    }

    /// <summary>A stack of up to <see cref="MagazineSize"/> envelopes, used by one thread at a time.</summary>
    private sealed class Magazine
    {
        private readonly T?[] _items = new T?[MagazineSize];

        public int Count { get; private set; }

        public void Push(T item) => _items[Count++] = item;

        public T Pop()
        {
            var index = --Count;
            var item = _items[index]!;
            _items[index] = null;
            return item;
        }
    }
}
