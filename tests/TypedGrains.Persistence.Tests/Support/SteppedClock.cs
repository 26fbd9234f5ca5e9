using System;
using System.Threading;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>
/// A clock a test sets by hand; its timers never fire, so the test runs every reminder pass itself. FakeTimeProvider does
/// not serve here: its Advance fires the reminder service's own timer, which would run passes the test did not ask for.
/// </summary>
public sealed class SteppedClock : TimeProvider
{
    private long _ticks = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).UtcTicks;

    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);

    public void Advance(TimeSpan by) => Interlocked.Add(ref _ticks, by.Ticks);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) => new SilentTimer();

    private sealed class SilentTimer : ITimer
    {
        public bool Change(TimeSpan dueTime, TimeSpan period) => true;

        public void Dispose()
        {
        }

        public System.Threading.Tasks.ValueTask DisposeAsync() => default;
    }
}
