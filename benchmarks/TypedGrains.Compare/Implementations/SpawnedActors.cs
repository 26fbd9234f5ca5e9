using System;
using System.Collections.Concurrent;

namespace TypedGrains.Compare.Implementations;

/// <summary>
/// The actors of a framework that spawns them explicitly (Akka.NET, Proto.Actor), one per key, created on first use.
/// Spawning starts an actor, so it is not done in <c>GetOrAdd</c>'s factory (which may run more than once): a caller
/// that loses the race for a key stops the actor it spawned.
/// </summary>
internal sealed class SpawnedActors<TActor>(Func<TActor> spawn, Action<TActor> stop)
    where TActor : class
{
    private readonly ConcurrentDictionary<long, TActor> _actors = new();

    public TActor Get(long key)
    {
        if (_actors.TryGetValue(key, out var actor))
        {
            return actor;
        }

        var spawned = spawn();
        var winner = _actors.GetOrAdd(key, spawned);
        if (!ReferenceEquals(winner, spawned))
        {
            stop(spawned);
        }

        return winner;
    }
}

/// <summary>The messages of the counter actor, shared by the frameworks whose actors receive plain objects.</summary>
internal static class CounterMessages
{
    public sealed record Add(int Amount);

    public sealed class Increment
    {
        public static readonly Increment Instance = new();
    }

    public sealed class Read
    {
        public static readonly Read Instance = new();
    }
}
