using System.Collections.Concurrent;

namespace TypedGrains.Runtime;

/// <summary>
/// The live activations of one grain type, by key: one activation per key, or for a stateless-worker type a
/// <see cref="StatelessWorkerPool"/> of up to <see cref="MaxWorkers"/> activations per key.
/// </summary>
internal sealed class ActivationTable
{
    public ActivationTable(string typeName, GrainKeyKind keyKind, int maxWorkers)
    {
        TypeName = typeName;
        KeyKind = keyKind;
        MaxWorkers = maxWorkers;
        if (maxWorkers > 0)
        {
            Workers = new ConcurrentDictionary<GrainKey, StatelessWorkerPool>();
        }
    }

    public string TypeName { get; }

    public GrainKeyKind KeyKind { get; }

    /// <summary>The activations of a grain type with one activation per key (empty for a stateless-worker type).</summary>
    public ConcurrentDictionary<GrainKey, ActivationBase> Activations { get; } = new();

    /// <summary>The worker pools of a stateless-worker type, by key; <c>null</c> for every other grain type.</summary>
    public ConcurrentDictionary<GrainKey, StatelessWorkerPool>? Workers { get; }

    /// <summary>The activation limit per key of a stateless-worker type; 0 for every other grain type.</summary>
    public int MaxWorkers { get; }

    public bool IsStatelessWorker => Workers is not null;

    public bool Names(GrainId grain) =>
        (ReferenceEquals(grain.Type, TypeName) || string.Equals(grain.Type, TypeName, System.StringComparison.Ordinal))
        && grain.Key.Kind == KeyKind;
}
