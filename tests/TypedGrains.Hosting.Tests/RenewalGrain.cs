using System;

namespace TypedGrains.Hosting.Tests;

/// <summary>A grain with an hourly durable reminder, for where the host keeps reminders.</summary>
[Grain]
public sealed partial class RenewalGrain : Grain<TallyState>
{
    [Call] public void RenewHourly() => RegisterReminder(Ticks.Renew, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    [Tick]
    private void Renew()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }
}
