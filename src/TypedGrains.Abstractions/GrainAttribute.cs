using System;

namespace TypedGrains;

/// <summary>
/// Marks a <c>partial</c> class deriving from <see cref="Grain{TState}"/> as a grain. The source generator
/// emits a typed reference, a factory extension and a dispatcher for it.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class GrainAttribute : Attribute
{
    /// <summary>Where activations of this grain are placed. Defaults to <see cref="TypedGrains.Placement.PreferLocal"/>.</summary>
    public Placement Placement { get; set; } = Placement.PreferLocal;

    /// <summary>Name of the registered state provider that stores this grain's state; <c>null</c> uses the default provider.</summary>
    public string? Provider { get; set; }

    /// <summary>The kind of key that identifies an instance of this grain. Defaults to <see cref="GrainKeyKind.String"/>.</summary>
    public GrainKeyKind Key { get; set; } = GrainKeyKind.String;

    /// <summary>
    /// Stable grain type name used in grain ids and storage; defaults to the full name of the class.
    /// Set it to keep stored state reachable when the class is renamed or moved.
    /// </summary>
    public string? Name { get; set; }
}
