using System;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Every call of one runtime whose caller still waits, so that none waits forever: a sweep every quarter of the call
/// timeout (at most every second) fails the calls past their deadline, and the runtime's end fails the rest. Calls
/// are kept in intrusive doubly-linked lists, one per stripe chosen by the calling thread, each under its own spin lock
/// (a compare-and-swap to take, a plain release to leave): registering and answering a call take one uncontended lock
/// each, read no clock and allocate nothing. A call expires under its stripe's lock, and answering a call unlinks it
/// under the same lock before the caller can see the answer, so an envelope is never recycled while a sweep still
/// holds it. Deadlines are counted from the clock reading of the last sweep, so a call times out between the timeout
/// and the timeout plus two sweep intervals after it was sent.
/// </summary>
internal sealed class InFlightCalls : IDisposable
{
    private readonly Stripe[] _stripes;
    private readonly TimeProvider _time;
    private readonly long _timeoutTicks;
    private readonly ITimer? _sweeper;
    private readonly List<InFlightEntry> _expired = new();
    private long _now;
    private int _sweeping;

    public InFlightCalls(TimeProvider time, TimeSpan timeout)
    {
        _time = time;
        Timeout = timeout;
        var count = 1;
        while (count < Environment.ProcessorCount * 4)
        {
            count <<= 1;
        }

        _stripes = new Stripe[count];
        for (var i = 0; i < count; i++)
        {
            _stripes[i] = new Stripe();
        }

        _now = time.GetTimestamp();
        if (timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            var interval = TimeSpan.FromTicks(Math.Clamp(timeout.Ticks / 4, TimeSpan.FromMilliseconds(1).Ticks, TimeSpan.FromSeconds(1).Ticks));

            // Counted from the last sweep's reading, which is at most one interval old: adding an interval means a
            // call never times out early.
            _timeoutTicks = (long)Math.Min(long.MaxValue / 2, (timeout + interval).TotalSeconds * time.TimestampFrequency);
            _sweeper = time.CreateTimer(static state => ((InFlightCalls)state!).Sweep(), this, interval, interval);
        }
    }

    /// <summary>The call timeout, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>Registers a call that has just been sent.</summary>
    public void Add(InFlightEntry entry)
    {
        entry.Deadline = _sweeper is null ? long.MaxValue : Volatile.Read(ref _now) + _timeoutTicks;
        var index = Environment.CurrentManagedThreadId & (_stripes.Length - 1);
        var stripe = _stripes[index];
        stripe.Enter();
        entry.Stripe = index;
        entry.Previous = null;
        entry.Next = stripe.Head;
        if (stripe.Head is not null)
        {
            stripe.Head.Previous = entry;
        }

        stripe.Head = entry;
        stripe.Exit();
    }

    /// <summary>Unregisters an answered call (a no-op when a sweep or the runtime's end already took it).</summary>
    public void Remove(InFlightEntry entry)
    {
        var index = Volatile.Read(ref entry.Stripe);
        if (index < 0)
        {
            return;
        }

        var stripe = _stripes[index];
        stripe.Enter();
        if (entry.Stripe == index)
        {
            stripe.Unlink(entry);
        }

        stripe.Exit();
    }

    /// <summary>Fails every call past its deadline (the sweep timer calls it).</summary>
    public void Sweep()
    {
        if (Interlocked.Exchange(ref _sweeping, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            Volatile.Write(ref _now, now);
            foreach (var stripe in _stripes)
            {
                stripe.Enter();
                try
                {
                    for (var entry = stripe.Head; entry is not null; entry = entry.Next)
                    {
                        if (entry.Deadline <= now)
                        {
                            _expired.Add(entry);
                        }
                    }

                    foreach (var entry in _expired)
                    {
                        stripe.Unlink(entry);
                        entry.Call.Expire(Timeout);
                    }
                }
                finally
                {
                    _expired.Clear();
                    stripe.Exit();
                }
            }
        }
        finally
        {
            Volatile.Write(ref _sweeping, 0);
        }
    }

    /// <summary>Fails every call still waiting with the error <paramref name="error"/> creates.</summary>
    public void AbandonAll(Func<Exception> error)
    {
        foreach (var stripe in _stripes)
        {
            stripe.Enter();
            try
            {
                while (stripe.Head is { } entry)
                {
                    stripe.Unlink(entry);
                    entry.Call.Abandon(error());
                }
            }
            finally
            {
                stripe.Exit();
            }
        }
    }

    /// <summary>Calls waiting now (for tests and diagnostics; takes every lock).</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var stripe in _stripes)
            {
                stripe.Enter();
                for (var entry = stripe.Head; entry is not null; entry = entry.Next)
                {
                    count++;
                }

                stripe.Exit();
            }

            return count;
        }
    }

    public void Dispose() => _sweeper?.Dispose();

    private sealed class Stripe
    {
        public InFlightEntry? Head;
        private int _taken;

        /// <summary>
        /// Takes the stripe's lock. Held for a few instructions (a sweep: one walk of the stripe); an answer that
        /// expires a call under it runs no user code (continuations are asynchronous), so spinning is bounded.
        /// </summary>
        public void Enter()
        {
            if (Interlocked.CompareExchange(ref _taken, 1, 0) != 0)
            {
                EnterContended();
            }
        }

        public void Exit() => Volatile.Write(ref _taken, 0);

        private void EnterContended()
        {
            var spinner = default(SpinWait);
            do
            {
                spinner.SpinOnce();
            }
            while (Interlocked.CompareExchange(ref _taken, 1, 0) != 0);
        }

        public void Unlink(InFlightEntry entry)
        {
            if (entry.Previous is null)
            {
                Head = entry.Next;
            }
            else
            {
                entry.Previous.Next = entry.Next;
            }

            if (entry.Next is not null)
            {
                entry.Next.Previous = entry.Previous;
            }

            entry.Previous = null;
            entry.Next = null;
            Volatile.Write(ref entry.Stripe, -1);
        }
    }
}
