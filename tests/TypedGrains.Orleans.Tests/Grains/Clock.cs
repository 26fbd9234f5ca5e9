using System;

namespace TypedGrains.Orleans.Tests.Grains;

public sealed record ClockState(int TimerTicks = 0, int ReminderTicks = 0);

/// <summary>Counts the ticks of a timer and of a durable reminder in its stored state.</summary>
[Grain]
public sealed partial class Clock : Grain<ClockState>
{
    [Call] public ClockState Read() => State;

    [Call] public void StartTicking() => StartTimer(Ticks.TimerTick, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100));

    [Call] public void StopTicking() => StopTimer(Ticks.TimerTick);

    [Call] public void Remind() => RegisterReminder(Ticks.ReminderTick, TimeSpan.FromMilliseconds(200), TimeSpan.FromMinutes(1));

    [Call] public void Forget() => UnregisterReminder(Ticks.ReminderTick);

    [Tick]
    private void TimerTick()
    {
        State = State with { TimerTicks = State.TimerTicks + 1 };
        SaveState();
    }

    [Tick]
    private void ReminderTick()
    {
        State = State with { ReminderTicks = State.ReminderTicks + 1 };
        SaveState();
    }
}
