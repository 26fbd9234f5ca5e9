using System;
using System.Collections.Generic;
using System.Threading;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// Every live activation of one runtime: one table per grain type, found by the type's index without hashing its
/// name, and keyed by <see cref="GrainKey"/>. Lookup is lock-free; creation publishes exactly one activation per id
/// (losing candidates are never started, since an activation does no work until its first message); removal only
/// removes the entry if it is still the same activation. A stateless-worker type keeps a
/// <see cref="StatelessWorkerPool"/> per id instead, which holds up to the runtime's limit of activations.
/// </summary>
internal sealed class ActivationDirectory
{
    private readonly object _growLock = new();
    private readonly int _maxWorkers;
    private ActivationTable?[] _tables = new ActivationTable?[4];

    public ActivationDirectory(int maxWorkers) => _maxWorkers = maxWorkers;

    /// <summary>Live activations; each activation of a stateless worker counts.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            foreach (var table in Volatile.Read(ref _tables))
            {
                if (table is null)
                {
                    continue;
                }

                count += table.Activations.Count;
                if (table.Workers is { } workers)
                {
                    foreach (var pool in workers)
                    {
                        count += pool.Value.Snapshot.Length;
                    }
                }
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

            if (table.Workers is { } workers)
            {
                foreach (var pool in workers)
                {
                    foreach (var activation in pool.Value.Snapshot)
                    {
                        yield return activation;
                    }
                }
            }
        }
    }

    /// <summary>Whether <paramref name="grain"/> has an activation (for a stateless worker: at least one).</summary>
    public bool Contains(GrainId grain)
    {
        foreach (var table in Volatile.Read(ref _tables))
        {
            if (table is null || !table.Names(grain))
            {
                continue;
            }

            if (table.Activations.ContainsKey(grain.Key)
                || (table.Workers is { } workers && workers.TryGetValue(grain.Key, out var pool) && pool.Snapshot.Length > 0))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Queues <paramref name="envelope"/> on an activation of <paramref name="grain"/>, creating one if needed.</summary>
    /// <remarks><paramref name="admitted"/>: the message was accepted before (it follows its grain), so a full mailbox takes it.</remarks>
    public void Post<TGrain>(InProcessRuntime runtime, GrainId grain, Envelope<TGrain> envelope, bool admitted)
        where TGrain : Grain, IGrain<TGrain>
    {
        var table = TableOf<TGrain>();
        if (!table.Names(grain))
        {
            throw new ArgumentException(
                $"Grain id '{grain}' does not name a {typeof(TGrain).Name} grain (type '{table.TypeName}', {table.KeyKind} key).",
                nameof(grain));
        }

        // The one placement branch of the message path: a field of the grain type's table.
        if (table.Workers is not null)
        {
            PostToWorker(runtime, table, grain, envelope, admitted);
            return;
        }

        while (!GetOrCreate<TGrain>(runtime, table, grain.Key).TryPost(envelope, admitted))
        {
            // The activation ended between lookup and post; the next lookup finds or creates its successor.
        }
    }

    /// <summary>
    /// The activation of <paramref name="grain"/> if it is active and has activated (state loaded, hook run);
    /// <c>null</c> for a stateless-worker type, a grain id of another type, or a grain that is not active.
    /// </summary>
    public Activation<TGrain>? TryFindActive<TGrain>(GrainId grain)
        where TGrain : Grain, IGrain<TGrain>
    {
        var index = GrainTypeIndex<TGrain>.Value;
        var tables = Volatile.Read(ref _tables);
        if ((uint)index < (uint)tables.Length && tables[index] is { Workers: null } table && table.Names(grain) && table.Activations.TryGetValue(grain.Key, out var found))
        {
            var activation = (Activation<TGrain>)found;
            return activation.IsReady ? activation : null;
        }

        return null;
    }

    public void Remove(ActivationBase activation)
    {
        var table = activation.Table;
        var key = activation.Id.Key;
        if (table.Workers is { } workers)
        {
            if (workers.TryGetValue(key, out var pool) && pool.Remove(activation))
            {
                workers.TryRemove(new KeyValuePair<GrainKey, StatelessWorkerPool>(key, pool));
            }

            return;
        }

        table.Activations.TryRemove(new KeyValuePair<GrainKey, ActivationBase>(key, activation));
    }

    private static Activation<TGrain> GetOrCreate<TGrain>(InProcessRuntime runtime, ActivationTable table, GrainKey key)
        where TGrain : Grain, IGrain<TGrain>
    {
        if (!table.Activations.TryGetValue(key, out var activation))
        {
            activation = table.Activations.GetOrAdd(key, static (key, state) => new Activation<TGrain>(state.runtime, state.table, new GrainId(state.table.TypeName, key)), (runtime, table));
        }

        return (Activation<TGrain>)activation;
    }

    private static void PostToWorker<TGrain>(InProcessRuntime runtime, ActivationTable table, GrainId grain, Envelope<TGrain> envelope, bool admitted)
        where TGrain : Grain, IGrain<TGrain>
    {
        var workers = table.Workers!;
        while (true)
        {
            if (!workers.TryGetValue(grain.Key, out var pool))
            {
                pool = workers.GetOrAdd(grain.Key, static (key, table) => new StatelessWorkerPool<TGrain>(table, new GrainId(table.TypeName, key)), table);
            }

            if (((StatelessWorkerPool<TGrain>)pool).TryPost(runtime, envelope, admitted))
            {
                return;
            }

            if (pool.IsDead)
            {
                // Its last activation ended; whoever gets here first unlists it so that the next lookup makes a new pool.
                workers.TryRemove(new KeyValuePair<GrainKey, StatelessWorkerPool>(grain.Key, pool));
            }
        }
    }

    private ActivationTable TableOf<TGrain>()
        where TGrain : Grain, IGrain<TGrain>
    {
        var index = GrainTypeIndex<TGrain>.Value;
        var tables = Volatile.Read(ref _tables);
        if ((uint)index < (uint)tables.Length && tables[index] is { } table)
        {
            return table;
        }

        return CreateTable<TGrain>(index);
    }

    private ActivationTable CreateTable<TGrain>(int index)
        where TGrain : Grain, IGrain<TGrain>
    {
        var definition = TGrain.Definition;
        var isWorker = definition.Placement == Placement.StatelessWorker;
        if (isWorker && definition.Provider is not null)
        {
            // A grain not declared with AddGrain is checked here, on its first message, and refused on every one.
            throw new InvalidOperationException(InProcessRuntimeOptions.StatelessWorkerProviderMessage(definition.TypeName, definition.Provider));
        }

        lock (_growLock)
        {
            var tables = _tables;
            if ((uint)index >= (uint)tables.Length)
            {
                Array.Resize(ref tables, Math.Max(index + 1, tables.Length * 2));
            }
            else
            {
                tables = (ActivationTable?[])tables.Clone();
            }

            var table = tables[index] ??= new ActivationTable(definition.TypeName, definition.KeyKind, isWorker ? _maxWorkers : 0);
            Volatile.Write(ref _tables, tables);
            return table;
        }
    }
}
