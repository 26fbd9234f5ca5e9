using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using System.Linq;

namespace TypedGrains.Orleans.Tests.Grains;

public sealed record ClockState(int TimerTicks = 0, int ReminderTicks = 0);

/// <summary>Counts the ticks of a timer and of a durable reminder in its stored state.</summary>
[Grain]
public sealed partial class Clock : Grain<ClockState>
{
    /// <summary>Released once per committed timer tick of a key, for the tests to wait on (the silos run in the test process).</summary>
    public static readonly ConcurrentDictionary<string, SemaphoreSlim> TimerTicked = new();

    /// <summary>Released once per committed reminder tick of a key.</summary>
    public static readonly ConcurrentDictionary<string, SemaphoreSlim> ReminderTicked = new();

    [Call] public ClockState Read() => State;

    [Call] public void StartTicking() => StartTimer(Ticks.TimerTick, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));

    [Call] public void StopTicking() => StopTimer(Ticks.TimerTick);

    [Call] public void Remind() => RegisterReminder(Ticks.ReminderTick, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1));

    [Call] public void RemindAfter(TimeSpan dueTime) => RegisterReminder(Ticks.ReminderTick, dueTime, TimeSpan.FromMinutes(1));

    /// <summary>The grain's reminders as "name every period, due in the future: yes/no".</summary>
    [Call]
    public async ValueTask<string[]> Reminders() =>
        (await GetRemindersAsync()).Select(r => $"{r.Name} every {r.Period}, due in the future: {r.DueAt > DateTimeOffset.UtcNow}").ToArray();

    [Call] public void Forget() => UnregisterReminder(Ticks.ReminderTick);

    [Tick]
    private void TimerTick()
    {
        State = State with { TimerTicks = State.TimerTicks + 1 };
        SaveState();
        Signal(TimerTicked);
    }

    [Tick]
    private void ReminderTick()
    {
        State = State with { ReminderTicks = State.ReminderTicks + 1 };
        SaveState();
        Signal(ReminderTicked);
    }

    private void Signal(ConcurrentDictionary<string, SemaphoreSlim> signals) =>
        signals.GetOrAdd(Id.Key.AsString(), _ => new SemaphoreSlim(0)).Release();
}
