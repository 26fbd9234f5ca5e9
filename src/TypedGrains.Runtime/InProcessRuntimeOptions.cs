using System;
using System.Collections.Generic;
using System.Linq;
using TypedGrains.Persistence;

namespace TypedGrains.Runtime;

/// <summary>Settings of an <see cref="InProcessRuntime"/>.</summary>
public sealed class InProcessRuntimeOptions
{
    private readonly List<GrainRegistration> _grains = new();

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

    /// <summary>The grain types declared with <see cref="AddGrain{TGrain}"/>, checked when the runtime starts.</summary>
    public IReadOnlyList<GrainRegistration> Grains => _grains;

    /// <summary>
    /// Declares that this runtime hosts <typeparamref name="TGrain"/>, so that the runtime's constructor can check that
    /// the grain's state provider is registered and fail at start (naming the grain and the provider) rather than at
    /// the grain's first message. Grains that are not declared still run; their provider is checked on activation.
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    public InProcessRuntimeOptions AddGrain<TGrain>()
        where TGrain : Grain, IGrain<TGrain>
    {
        var definition = TGrain.Definition;
        _grains.Add(new GrainRegistration(typeof(TGrain), definition.TypeName, definition.Provider));
        return this;
    }

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
        ValidateProviders();
    }

    /// <summary>Issue 4: every declared grain's named provider must be registered before the runtime starts.</summary>
    private void ValidateProviders()
    {
        foreach (var grain in _grains)
        {
            if (grain.Provider is not null && !Providers.ContainsKey(grain.Provider))
            {
                throw new InvalidOperationException(MissingProviderMessage(grain.TypeName, grain.Provider));
            }
        }
    }

    internal string MissingProviderMessage(string grain, string provider) =>
        $"Grain '{grain}' uses state provider '{provider}', which is not registered. Registered providers: " +
        $"{(Providers.Count == 0 ? "(none)" : string.Join(", ", Providers.Keys.OrderBy(k => k, StringComparer.Ordinal)))}.";
}
