using System;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Every live activation of one runtime: one table per grain type, found by the type's index without hashing its
/// name, and keyed by <see cref="GrainKey"/>. Lookup is lock-free; creation publishes exactly one activation per id
/// (losing candidates are never started, since an activation does no work until its first message); removal only
/// removes the entry if it is still the same activation.
/// </summary>
internal sealed class ActivationDirectory
{
    private readonly object _growLock = new();
    private ActivationTable?[] _tables = new ActivationTable?[4];

    public int Count
    {
        get
        {
            var count = 0;
            foreach (var table in Volatile.Read(ref _tables))
            {
                count += table?.Activations.Count ?? 0;
            }

            return count;
        }
    }

    public IEnumerable<ActivationBase> All()
    {
        foreach (var table in Volatile.Read(ref _tables))
        {
            if (table is null)
            {
                continue;
            }

            foreach (var entry in table.Activations)
            {
                yield return entry.Value;
            }
        }
    }

    public bool Contains(GrainId grain)
    {
        foreach (var table in Volatile.Read(ref _tables))
        {
            if (table is not null && table.Names(grain) && table.Activations.ContainsKey(grain.Key))
            {
                return true;
            }
        }

        return false;
    }

    public Activation<TGrain> GetOrCreate<TGrain>(InProcessRuntime runtime, GrainId grain)
        where TGrain : Grain, IGrain<TGrain>
    {
        var table = TableOf<TGrain>();
        if (!table.Names(grain))
        {
            throw new ArgumentException(
                $"Grain id '{grain}' does not name a {typeof(TGrain).Name} grain (type '{table.TypeName}', {table.KeyKind} key).",
                nameof(grain));
        }

        if (!table.Activations.TryGetValue(grain.Key, out var activation))
        {
            activation = table.Activations.GetOrAdd(grain.Key, static (key, state) => new Activation<TGrain>(state.runtime, state.table, new GrainId(state.table.TypeName, key)), (runtime, table));
        }

        return (Activation<TGrain>)activation;
    }

    public void Remove(ActivationBase activation) =>
        activation.Table.Activations.TryRemove(new KeyValuePair<GrainKey, ActivationBase>(activation.Id.Key, activation));

    private ActivationTable TableOf<TGrain>()
        where TGrain : Grain, IGrain<TGrain>
    {
        var index = GrainTypeIndex<TGrain>.Value;
        var tables = Volatile.Read(ref _tables);
        if ((uint)index < (uint)tables.Length && tables[index] is { } table)
        {
            return table;
        }

        lock (_growLock)
        {
            tables = _tables;
            if ((uint)index >= (uint)tables.Length)
            {
                Array.Resize(ref tables, Math.Max(index + 1, tables.Length * 2));
            }
            else
            {
                tables = (ActivationTable?[])tables.Clone();
            }

            var definition = TGrain.Definition;
            table = tables[index] ??= new ActivationTable(definition.TypeName, definition.KeyKind);
            Volatile.Write(ref _tables, tables);
            return table;
        }
    }
}
