using System;
using System.Threading.Tasks;
using TypedGrains.Compare.Workloads;

namespace TypedGrains.Compare.Implementations;

/// <summary>
/// One way of running the benchmark's actor: a counter per key with a call that adds and replies, and a one-way
/// increment. Every implementation keeps one instance per key, created on first use, processing one message at a time.
/// </summary>
internal interface IActorImplementation : IAsyncDisposable
{
    /// <summary>Short name used in the table and the JSON.</summary>
    string Name { get; }

    /// <summary>Adds <paramref name="amount"/> to actor <paramref name="key"/>'s count and replies with the new count.</summary>
    ValueTask<long> AddAsync(long key, int amount);

    /// <summary>One-way increment of actor <paramref name="key"/>.</summary>
    void Increment(long key);

    /// <summary>Replies with actor <paramref name="key"/>'s count (after every earlier message to it, where the implementation keeps order).</summary>
    ValueTask<long> GetAsync(long key);

    /// <summary>Forgets every actor (used between phases so that activation figures start from nothing).</summary>
    ValueTask ResetAsync();

    /// <summary>The sizes this implementation runs at; a peer for which a workload is impractical at full size scales it down here.</summary>
    Scale Scaled(Scale scale) => scale;
}
