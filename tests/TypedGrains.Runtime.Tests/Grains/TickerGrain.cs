using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

public sealed record TickerState(int Beats = 0, int Charges = 0);

/// <summary>A grain with a timer tick (<c>Beat</c>) and a reminder tick (<c>Charge</c>), for the timer and reminder tests.</summary>
[Grain]
public sealed partial class TickerGrain : Grain<TickerState>
{
    /// <summary>Gates a test opens to let a held call finish, by grain key.</summary>
    public static readonly ConcurrentDictionary<string, TaskCompletionSource> Holds = new();

    /// <summary>The most turns of one key that ran at once.</summary>
    public static readonly ConcurrentDictionary<string, int> MaxOverlap = new();

    private int _inTurn;

    [Call]
    public void Start(TimeSpan period, bool keepAlive) => StartTimer(Ticks.Beat, period, period, keepAlive);

    [Call]
    public void StartOnce(TimeSpan dueTime) => StartTimer(Ticks.Beat, dueTime, Timeout.InfiniteTimeSpan);

    [Call]
    public void StartThenFail(TimeSpan period)
    {
        StartTimer(Ticks.Beat, period, period);
        throw new InvalidOperationException("rolled back");
    }

    [Call]
    public void StartStumbling(TimeSpan period) => StartTimer(Ticks.Stumble, period, period);

    [Call]
    public void Stop() => StopTimer(Ticks.Beat);

    [Call]
    public int Beats() => State.Beats;

    [Call]
    public int Charges() => State.Charges;

    [Call]
    public async ValueTask Hold()
    {
        Enter();
        await Holds[Id.Key.AsString()].Task;
        Exit();
    }

    [Call]
    public async ValueTask HoldThenStop()
    {
        await Holds[Id.Key.AsString()].Task;
        StopTimer(Ticks.Beat);
    }

    [Call]
    public void Remind(TimeSpan dueTime, TimeSpan period) => RegisterReminder(Ticks.Charge, dueTime, period);

    [Call]
    public void RemindStumbling(TimeSpan period) => RegisterReminder(Ticks.Stumble, period, period);

    [Call]
    public void RemindThenFail(TimeSpan period)
    {
        RegisterReminder(Ticks.Charge, period, period);
        throw new InvalidOperationException("rolled back");
    }

    [Call]
    public void Forget() => UnregisterReminder(Ticks.Charge);

    [Call]
    public async ValueTask<string[]> ReminderNames() => (await GetRemindersAsync()).Select(r => r.Name).ToArray();

    [Call]
    public void Leave() => DeactivateAfterTurn();

    [Tick]
    private void Beat()
    {
        Enter();
        State = State with { Beats = State.Beats + 1 };
        Exit();
    }

    /// <summary>A tick that changes the state and then fails, so its turn rolls back.</summary>
    [Tick]
    private void Stumble()
    {
        State = State with { Beats = State.Beats + 100 };
        throw new InvalidOperationException("tick failed");
    }

    [Tick]
    private ValueTask Charge()
    {
        State = State with { Charges = State.Charges + 1 };
        SaveState();
        return default;
    }

    private void Enter()
    {
        var inside = Interlocked.Increment(ref _inTurn);
        MaxOverlap.AddOrUpdate(Id.Key.AsString(), inside, (_, seen) => Math.Max(seen, inside));
    }

    private void Exit() => Interlocked.Decrement(ref _inTurn);
}
