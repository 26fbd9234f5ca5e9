using System;
using System.Linq;
using System.Threading.Tasks;

namespace TypedGrains.Persistence.Tests.Grains;

public sealed record SubscriberState(int Charges = 0);

/// <summary>A grain charged by a durable reminder, for the reminder suite.</summary>
[Grain]
public sealed partial class Subscriber : Grain<SubscriberState>
{
    [Call]
    public void Subscribe(TimeSpan period) => RegisterReminder(Ticks.Charge, period, period);

    [Call]
    public void SubscribeThenFail(TimeSpan period)
    {
        RegisterReminder(Ticks.Charge, period, period);
        throw new InvalidOperationException("rolled back");
    }

    [Call]
    public void Cancel() => UnregisterReminder(Ticks.Charge);

    [Call]
    public int Charges() => State.Charges;

    [Call]
    public async ValueTask<string[]> Reminders() => (await GetRemindersAsync()).Select(r => r.Name).ToArray();

    [Tick]
    private void Charge()
    {
        State = State with { Charges = State.Charges + 1 };
        SaveState();
    }
}
