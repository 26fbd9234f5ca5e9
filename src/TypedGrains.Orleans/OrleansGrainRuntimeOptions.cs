using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TypedGrains.Persistence;
using TypedGrains.Runtime;

namespace TypedGrains.Orleans;

/// <summary>Settings of the TypedGrains runtime of an Orleans silo or client.</summary>
public sealed class OrleansGrainRuntimeOptions
{
    /// <summary>
    /// How long a caller waits for a call's reply before it fails with a <see cref="TimeoutException"/> naming grain and
    /// method; also the limit of one state load or save. The outcome of a timed-out call is unknown (Orleans delivers at
    /// most once; the turn may still run). <c>AddTypedGrains</c> makes it Orleans' response timeout
    /// (<c>SiloMessagingOptions</c>/<c>ClientMessagingOptions.ResponseTimeout</c>), which enforces it on Orleans' clock.
    /// Default: 30 seconds, as Orleans' own default.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Silos only: use Orleans' strongly consistent distributed grain directory (<c>AddDistributedGrainDirectory</c>,
    /// experimental in Orleans 10.4.2) instead of its default, eventually consistent one, so that two activations of a
    /// grain do not run at once even during membership changes. With either directory, a duplicate activation cannot
    /// commit: every save is an ETag compare-and-set. Default: <c>false</c>.
    /// </summary>
    public bool StronglyConsistentDirectory { get; set; }

    /// <summary>The clock of call and storage timeouts. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// The provider of grains that name none. Default: a new <see cref="MemoryGrainStateProvider"/>, which is local to
    /// one silo — in a cluster use a shared one (SQLite file for one machine, PostgreSQL).
    /// </summary>
    public IGrainStateProvider DefaultProvider { get; set; } = new MemoryGrainStateProvider();

    /// <summary>Named providers, matched against <see cref="GrainAttribute.Provider"/> (ordinal).</summary>
    public IDictionary<string, IGrainStateProvider> Providers { get; } = new Dictionary<string, IGrainStateProvider>(StringComparer.Ordinal);

    /// <summary>Called when a cast handler throws or a cast cannot be delivered.</summary>
    public Action<GrainId, Exception>? CastFailed { get; set; }

    /// <summary>Called when a grain's <c>OnDeactivateAsync</c> (or its save) fails; the activation ends regardless.</summary>
    public Action<GrainId, Exception>? DeactivationFailed { get; set; }

    /// <summary>Called when a deferred reply reaches no waiting caller (another incarnation's token, or a caller already answered).</summary>
    public Action<GrainId, CallerId>? ReplyDropped { get; set; }

    internal void Validate()
    {
        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, "The call timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(DefaultProvider);
    }

    internal IGrainStateProvider Resolve(string? name, GrainId grain)
    {
        if (name is null)
        {
            return DefaultProvider;
        }

        return Providers.TryGetValue(name, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"Grain '{grain}' uses state provider '{name}', which is not registered. Registered providers: " +
                $"{(Providers.Count == 0 ? "(none)" : string.Join(", ", Providers.Keys.OrderBy(k => k, StringComparer.Ordinal)))}.");
    }
}
