using System;
using System.Collections.Generic;
using TypedGrains.Persistence;

namespace TypedGrains.Runtime;

/// <summary>Settings of an <see cref="InProcessRuntime"/>.</summary>
public sealed class InProcessRuntimeOptions
{
    /// <summary>An activation that received no message for this long is collected. Default: 15 minutes.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default: a quarter of <see cref="IdleCollectionAge"/>, at most one minute.</summary>
    public TimeSpan? IdleCollectionInterval { get; set; }

    /// <summary>The clock of idle collection; tests pass a fake one. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many messages one activation processes before it yields its thread-pool thread. Default: 64.</summary>
    public int TurnBudget { get; set; } = 64;

    /// <summary>The provider of grains that name none. Default: a new <see cref="MemoryGrainStateProvider"/>.</summary>
    public IGrainStateProvider DefaultProvider { get; set; } = new MemoryGrainStateProvider();

    /// <summary>Named providers, matched against <see cref="GrainAttribute.Provider"/> (ordinal).</summary>
    public IDictionary<string, IGrainStateProvider> Providers { get; } = new Dictionary<string, IGrainStateProvider>(StringComparer.Ordinal);

    /// <summary>Called when a cast handler throws (a cast has no caller to receive the exception).</summary>
    public Action<GrainId, Exception>? CastFailed { get; set; }

    internal TimeSpan EffectiveCollectionInterval =>
        IdleCollectionInterval ?? TimeSpan.FromTicks(Math.Min(IdleCollectionAge.Ticks / 4, TimeSpan.FromMinutes(1).Ticks));

    internal void Validate()
    {
        if (IdleCollectionAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleCollectionAge), IdleCollectionAge, "The idle collection age must be positive.");
        }

        if (EffectiveCollectionInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleCollectionInterval), IdleCollectionInterval, "The idle collection interval must be positive.");
        }

        if (TurnBudget < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TurnBudget), TurnBudget, "The turn budget must be at least 1.");
        }

        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(DefaultProvider);
    }
}
