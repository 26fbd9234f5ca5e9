using System;

namespace TypedGrains.Reminders;

/// <summary>One durable reminder as a reminder table stores it.</summary>
/// <param name="Grain">The grain the reminder ticks.</param>
/// <param name="Name">The reminder's name: the name of its tick handler.</param>
/// <param name="MethodId">The tick handler's method id, which the reminder dispatches.</param>
/// <param name="DueAt">When the next tick is due.</param>
/// <param name="Period">The time between due ticks.</param>
public sealed record ReminderEntry(GrainId Grain, string Name, uint MethodId, DateTimeOffset DueAt, TimeSpan Period)
{
    /// <summary>
    /// The first due time after <paramref name="now"/> on this reminder's schedule: however many periods were missed
    /// (the process was down), the reminder is due again once, one period on from the last missed tick.
    /// </summary>
    public DateTimeOffset NextDueAfter(DateTimeOffset now)
    {
        if (DueAt > now)
        {
            return DueAt;
        }

        var missed = (now - DueAt).Ticks / Period.Ticks;
        return DueAt + TimeSpan.FromTicks(Period.Ticks * (missed + 1));
    }
}
