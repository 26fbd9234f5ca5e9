using System;
using System.Collections.Generic;

namespace TypedGrains.Hosting;

/// <summary>
/// The settings of the <c>TypedGrains</c> configuration section. Unset values keep the runtime's defaults
/// (<see cref="Runtime.InProcessRuntimeOptions"/>); they are validated when the host starts.
/// </summary>
public sealed class TypedGrainsOptions
{
    /// <summary>The configuration section the options are bound from: <c>TypedGrains</c>.</summary>
    public const string SectionName = "TypedGrains";

    /// <summary>
    /// The name of the provider (a key of <see cref="Providers"/>, or one registered with the builder) that stores grains
    /// that name none. Unset: the builder's default (<c>UseSqlite</c>), else an in-memory provider.
    /// </summary>
    public string? DefaultProvider { get; set; }

    /// <summary>State providers by name (the name a grain gives in <c>[Grain(Provider = "...")]</c>).</summary>
    public Dictionary<string, GrainStateProviderOptions> Providers { get; set; } = new(StringComparer.Ordinal);

    /// <summary>See <see cref="Runtime.InProcessRuntimeOptions.CallTimeout"/>.</summary>
    public TimeSpan? CallTimeout { get; set; }

    /// <summary>See <see cref="Runtime.InProcessRuntimeOptions.StopTimeout"/>.</summary>
    public TimeSpan? StopTimeout { get; set; }

    /// <summary>See <see cref="Runtime.InProcessRuntimeOptions.IdleCollectionAge"/>.</summary>
    public TimeSpan? IdleCollectionAge { get; set; }

    /// <summary>See <see cref="Runtime.InProcessRuntimeOptions.TurnBudget"/>.</summary>
    public int? TurnBudget { get; set; }

    /// <summary>See <see cref="Runtime.InProcessRuntimeOptions.MaxMailboxLength"/>.</summary>
    public int? MaxMailboxLength { get; set; }

    /// <summary>See <see cref="Runtime.InProcessRuntimeOptions.RunCallsInline"/>.</summary>
    public bool? RunCallsInline { get; set; }
}

/// <summary>One state provider of the <c>TypedGrains:Providers</c> section.</summary>
public sealed class GrainStateProviderOptions
{
    /// <summary>The kind of provider: <c>memory</c>, <c>sqlite</c>, or one added with <see cref="TypedGrainsBuilder.AddProviderKind"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>The connection string (<c>sqlite</c>: <c>Data Source=path</c>); not used by <c>memory</c>.</summary>
    public string? ConnectionString { get; set; }
}
