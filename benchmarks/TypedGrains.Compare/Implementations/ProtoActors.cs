using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Proto;

namespace TypedGrains.Compare.Implementations;

/// <summary>
/// Proto.Actor: one <see cref="IActor"/> per key, spawned from the root context on first use and kept in a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> (as the hand-written baselines keep theirs); calls are
/// <c>RequestAsync</c>, casts are <c>Send</c>, on the default mailbox and thread-pool dispatcher. Requests take
/// <see cref="CancellationToken.None"/>: no deadline, as Akka's <c>Ask</c> without a timeout (the overload without a
/// token gives up after the system's 5 s request timeout, which a loaded machine exceeds while activating 1M actors).
/// </summary>
internal sealed class ProtoActors : IActorImplementation
{
    private static readonly Props CounterProps = Props.FromProducer(() => new Counter());
    private ActorSystem _system = new();
    private ConcurrentDictionary<long, PID> _actors = new();

    public string Name => "protoactor";

    public ValueTask<long> AddAsync(long key, int amount) => new(_system.Root.RequestAsync<long>(Get(key), new Add(amount), CancellationToken.None));

    public void Increment(long key) => _system.Root.Send(Get(key), IncrementMessage.Instance);

    public ValueTask<long> GetAsync(long key) => new(_system.Root.RequestAsync<long>(Get(key), Read.Instance, CancellationToken.None));

    public async ValueTask ResetAsync()
    {
        await _system.ShutdownAsync();
        _actors = new ConcurrentDictionary<long, PID>();
        _system = new ActorSystem();
    }

    public async ValueTask DisposeAsync() => await _system.ShutdownAsync();

    private PID Get(long key)
    {
        if (_actors.TryGetValue(key, out var actor))
        {
            return actor;
        }

        // Creating starts an actor, so it is not done in GetOrAdd's factory (which may run more than once): a caller
        // that loses the race for a key stops the actor it created.
        var created = _system.Root.Spawn(CounterProps);
        var winner = _actors.GetOrAdd(key, created);
        if (!ReferenceEquals(winner, created))
        {
            _system.Root.Stop(created);
        }

        return winner;
    }

    private sealed record Add(int Amount);

    private sealed class IncrementMessage
    {
        public static readonly IncrementMessage Instance = new();
    }

    private sealed class Read
    {
        public static readonly Read Instance = new();
    }

    private sealed class Counter : IActor
    {
        private long _count;

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case Add add:
                    _count += add.Amount;
                    context.Respond(_count);
                    break;
                case IncrementMessage:
                    _count++;
                    break;
                case Read:
                    context.Respond(_count);
                    break;
            }

            return Task.CompletedTask;
        }
    }
}
