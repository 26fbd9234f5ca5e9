using System;
using System.Threading.Tasks;
using TypedGrains;

namespace Subscriptions;

/// <summary>The saved state of a subscription: how often it was charged, and when last.</summary>
public sealed record SubscriptionState(int Charges = 0, DateTimeOffset? LastCharge = null);

/// <summary>A subscription charged by a durable reminder every period, whether or not the grain is active.</summary>
[Grain]
public sealed partial class Subscription : Grain<SubscriptionState>
{
    /// <summary>Raised by each charge's turn, just before it commits (for the sample's output).</summary>
    public static event Action<string, int>? Charged;

    /// <summary>Starts charging every <paramref name="period"/>, first one period from now.</summary>
    [Call]
    public void Start(TimeSpan period) => RegisterReminder(Ticks.Charge, period, period);

    /// <summary>Stops charging.</summary>
    [Call]
    public void Stop() => UnregisterReminder(Ticks.Charge);

    /// <summary>How often the subscription was charged.</summary>
    [Call]
    public int Charges() => State.Charges;

    [Tick]
    private ValueTask Charge()
    {
        State = State with { Charges = State.Charges + 1, LastCharge = DateTimeOffset.UtcNow };
        SaveState();
        Charged?.Invoke(Id.Key.ToString(), State.Charges);
        return default;
    }
}
