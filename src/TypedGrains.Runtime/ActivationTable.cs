using System.Collections.Concurrent;

namespace TypedGrains.Runtime;

/// <summary>The live activations of one grain type, by key.</summary>
internal sealed class ActivationTable
{
    public ActivationTable(string typeName, GrainKeyKind keyKind)
    {
        TypeName = typeName;
        KeyKind = keyKind;
    }

    public string TypeName { get; }

    public GrainKeyKind KeyKind { get; }

    public ConcurrentDictionary<GrainKey, ActivationBase> Activations { get; } = new();

    public bool Names(GrainId grain) =>
        (ReferenceEquals(grain.Type, TypeName) || string.Equals(grain.Type, TypeName, System.StringComparison.Ordinal))
        && grain.Key.Kind == KeyKind;
}
