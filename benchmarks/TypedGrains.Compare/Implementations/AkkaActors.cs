using System.Collections.Concurrent;
using System.Threading.Tasks;
using Akka.Actor;
using Akka.Configuration;

namespace TypedGrains.Compare.Implementations;

/// <summary>
/// Akka.NET: one <see cref="ReceiveActor"/> per key, created with <c>ActorOf</c> on first use and kept in a
/// <see cref="ConcurrentDictionary{TKey, TValue}"/> (as the hand-written baselines keep theirs); calls are
/// <c>Ask</c>, casts are <c>Tell</c>, on the default dispatcher and mailbox.
/// </summary>
internal sealed class AkkaActors : IActorImplementation
{
    // Quiet: no startup banner, no dead-letter notices on stdout (the child's stdout carries its result line).
    private static readonly Config Quiet = ConfigurationFactory.ParseString("""
        akka.loglevel = WARNING
        akka.stdout-loglevel = WARNING
        akka.log-dead-letters = off
        akka.log-dead-letters-during-shutdown = off
        """);

    private static readonly Props CounterProps = Props.Create(() => new Counter());
    private ActorSystem _system = ActorSystem.Create("compare", Quiet);
    private ConcurrentDictionary<long, IActorRef> _actors = new();

    public string Name => "akka";

    public ValueTask<long> AddAsync(long key, int amount) => new(Get(key).Ask<long>(new Add(amount)));

    public void Increment(long key) => Get(key).Tell(IncrementMessage.Instance);

    public ValueTask<long> GetAsync(long key) => new(Get(key).Ask<long>(Read.Instance));

    public async ValueTask ResetAsync()
    {
        await _system.Terminate();
        _actors = new ConcurrentDictionary<long, IActorRef>();
        _system = ActorSystem.Create("compare", Quiet);
    }

    public async ValueTask DisposeAsync() => await _system.Terminate();

    private IActorRef Get(long key)
    {
        if (_actors.TryGetValue(key, out var actor))
        {
            return actor;
        }

        // Creating starts an actor, so it is not done in GetOrAdd's factory (which may run more than once): a caller
        // that loses the race for a key stops the actor it created.
        var created = _system.ActorOf(CounterProps);
        var winner = _actors.GetOrAdd(key, created);
        if (!ReferenceEquals(winner, created))
        {
            _system.Stop(created);
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

    private sealed class Counter : ReceiveActor
    {
        private long _count;

        public Counter()
        {
            Receive<Add>(add =>
            {
                _count += add.Amount;
                Sender.Tell(_count);
            });
            Receive<IncrementMessage>(_ => _count++);
            Receive<Read>(_ => Sender.Tell(_count));
        }
    }
}
