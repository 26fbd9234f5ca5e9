using System;

namespace TypedGrains.Runtime;

/// <summary>A grain type declared to a runtime with <see cref="InProcessRuntimeOptions.AddGrain{TGrain}"/>.</summary>
/// <param name="GrainClass">The grain class.</param>
/// <param name="TypeName">The stable grain type name.</param>
/// <param name="Provider">The named state provider, or <c>null</c> for the default provider.</param>
public sealed record GrainRegistration(Type GrainClass, string TypeName, string? Provider)
{
    /// <summary>The grain's placement; a <see cref="Placement.StatelessWorker"/> must name no provider.</summary>
    public Placement Placement { get; init; } = Placement.PreferLocal;

    /// <summary>The services the grain's constructor takes (checked at start when the runtime has services).</summary>
    public System.Collections.Generic.IReadOnlyList<GrainDependency> Dependencies { get; init; } = Array.Empty<GrainDependency>();
}
