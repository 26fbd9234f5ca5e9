using System;
using System.Collections.Generic;
using TypedGrains.Persistence;
using TypedGrains.Runtime;

namespace TypedGrains.Hosting;

/// <summary>What the builder declared, across every <c>AddTypedGrains</c> call of one service collection (a singleton).</summary>
internal sealed class TypedGrainsRegistry
{
    public List<Action<InProcessRuntimeOptions>> Grains { get; } = new();

    public List<Action<InProcessRuntimeOptions>> RuntimeOptions { get; } = new();

    /// <summary>
    /// What the builders set on <see cref="TypedGrainsOptions"/>, applied in one step registered before the configuration
    /// binding, so configuration overrides code whichever <c>AddTypedGrains</c> call the code came from.
    /// </summary>
    public List<Action<TypedGrainsOptions>> Options { get; } = new();

    public Dictionary<string, Func<IServiceProvider, IGrainStateProvider>> NamedProviders { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, Func<IServiceProvider, string, IGrainStateProvider>> Kinds { get; } = new(StringComparer.Ordinal)
    {
        [ProviderKinds.Sqlite] = static (_, connectionString) => ProviderKinds.CreateSqlite(connectionString),
    };

    /// <summary>Every kind the configuration may name, <c>memory</c> included, sorted for messages.</summary>
    public IEnumerable<string> KnownKinds
    {
        get
        {
            var kinds = new SortedSet<string>(Kinds.Keys, StringComparer.Ordinal) { ProviderKinds.Memory };
            return kinds;
        }
    }
}
