using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace TypedGrains.Runtime.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also tells a test when a one-shot timer with a given due time is created (for
/// instance the storage timeout a started write arms), so the test moves the clock only once that timer exists.
/// FakeTimeProvider has no such signal; the clock and its timers are FakeTimeProvider's own.
/// </summary>
public sealed class TimerWatchingTimeProvider : FakeTimeProvider
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Armed)> _watches = new();

    /// <summary>Completes when a one-shot timer due <paramref name="dueTime"/> after its creation is created from now on.</summary>
    public Task OneShotArmed(TimeSpan dueTime)
    {
        var armed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _watches.Add((dueTime, armed));
        }

        return armed.Task;
    }

    /// <inheritdoc/>
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        if (period == Timeout.InfiniteTimeSpan || period == TimeSpan.Zero)
        {
            lock (_gate)
            {
                _watches.RemoveAll(watch =>
                {
                    if (watch.DueTime != dueTime)
                    {
                        return false;
                    }

                    watch.Armed.SetResult();
                    return true;
                });
            }
        }

        return timer;
    }
}
