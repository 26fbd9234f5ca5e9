using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Linq;

namespace TypedGrains.Backend;

/// <summary>
/// The grain definitions of the process by grain type name, so that a host that receives (type name, method id,
/// argument bytes) finds the <see cref="GrainDefinition"/> that dispatches them. The generator registers every grain
/// of an assembly from a module initializer when that assembly loads.
/// </summary>
/// <remarks>
/// Two different grain classes with the same type name cannot both be dispatched to. <see cref="Register{TGrain}"/>
/// never throws for that (it runs in module initializers, where a throw would fail the assembly's load); it records
/// the conflict instead, and every later <see cref="Get"/> or <see cref="TryGet"/> of that name throws
/// <see cref="GrainTypeConflictException"/> naming both classes. <see cref="Definitions"/> leaves such names out.
/// Reads are lock-free; registrations are serialized.
/// </remarks>
public static class GrainCatalog
{
    private static readonly object s_gate = new();
    private static volatile Snapshot s_snapshot = new(new Dictionary<string, Entry>(StringComparer.Ordinal));

    /// <summary>The registered definitions without a conflict, ordinally sorted by type name.</summary>
    public static IReadOnlyList<GrainDefinition> Definitions => s_snapshot.Sorted;

    /// <summary>
    /// Registers <typeparamref name="TGrain"/>'s definition under its type name. Registering the same class again does
    /// nothing; another class with the same type name is recorded as a conflict (see the remarks of <see cref="GrainCatalog"/>).
    /// </summary>
    /// <typeparam name="TGrain">The grain class.</typeparam>
    public static void Register<TGrain>()
        where TGrain : Grain, IGrain<TGrain>
    {
        GrainDefinition definition = TGrain.Definition;
        lock (s_gate)
        {
            Dictionary<string, Entry> entries = s_snapshot.Entries;
            if (entries.TryGetValue(definition.TypeName, out Entry? existing)
                && (existing.ConflictingClass is not null || existing.Definition.GrainClass == definition.GrainClass))
            {
                return;
            }

            var next = new Dictionary<string, Entry>(entries, StringComparer.Ordinal);
            next[definition.TypeName] = existing is null
                ? new Entry(definition, null)
                : new Entry(existing.Definition, definition.GrainClass);
            s_snapshot = new Snapshot(next);
        }
    }

    /// <summary>Finds the definition of the grain type <paramref name="typeName"/>.</summary>
    /// <param name="typeName">The grain type name, as in <see cref="GrainId.Type"/>.</param>
    /// <param name="definition">The definition, or <c>null</c> when no grain has that type name.</param>
    /// <returns>Whether a grain has that type name.</returns>
    /// <exception cref="GrainTypeConflictException">Two grain classes registered that type name.</exception>
    public static bool TryGet(string typeName, [NotNullWhen(true)] out GrainDefinition? definition)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        if (!s_snapshot.Entries.TryGetValue(typeName, out Entry? entry))
        {
            definition = null;
            return false;
        }

        if (entry.ConflictingClass is { } conflicting)
        {
            throw new GrainTypeConflictException(typeName, entry.Definition.GrainClass, conflicting);
        }

        definition = entry.Definition;
        return true;
    }

    /// <summary>The definition of the grain type <paramref name="typeName"/>.</summary>
    /// <param name="typeName">The grain type name, as in <see cref="GrainId.Type"/>.</param>
    /// <exception cref="UnknownGrainTypeException">No grain has that type name (the message lists those registered).</exception>
    /// <exception cref="GrainTypeConflictException">Two grain classes registered that type name.</exception>
    public static GrainDefinition Get(string typeName) =>
        TryGet(typeName, out GrainDefinition? definition)
            ? definition
            : throw new UnknownGrainTypeException(typeName, s_snapshot.Entries.Keys.OrderBy(name => name, StringComparer.Ordinal).ToArray());

    /// <summary>A registered type name: its first definition, and the class of a second one that took the name.</summary>
    private sealed record Entry(GrainDefinition Definition, Type? ConflictingClass);

    /// <summary>An immutable state of the catalog: entries by name and the sorted definitions without a conflict.</summary>
    private sealed class Snapshot
    {
        public Snapshot(Dictionary<string, Entry> entries)
        {
            Entries = entries;
            Sorted = entries
                .Where(pair => pair.Value.ConflictingClass is null)
                .OrderBy(pair => pair.Key, StringComparer.Ordinal)
                .Select(pair => pair.Value.Definition)
                .ToArray();
        }

        public Dictionary<string, Entry> Entries { get; }

        public GrainDefinition[] Sorted { get; }
    }
}
