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
    private SpawnedActors<IActorRef> _actors;

    public AkkaActors() => _actors = NewActors();

    public string Name => "akka";

    public ValueTask<long> AddAsync(long key, int amount) => new(_actors.Get(key).Ask<long>(new CounterMessages.Add(amount)));

    public void Increment(long key) => _actors.Get(key).Tell(CounterMessages.Increment.Instance);

    public ValueTask<long> GetAsync(long key) => new(_actors.Get(key).Ask<long>(CounterMessages.Read.Instance));

    public async ValueTask ResetAsync()
    {
        await _system.Terminate();
        _system = ActorSystem.Create("compare", Quiet);
        _actors = NewActors();
    }

    // The lambdas read the current system, so a table made after a reset spawns in the new one.
    private SpawnedActors<IActorRef> NewActors() => new(() => _system.ActorOf(CounterProps), actor => _system.Stop(actor));

    public async ValueTask DisposeAsync() => await _system.Terminate();

    private sealed class Counter : ReceiveActor
    {
        private long _count;

        public Counter()
        {
            Receive<CounterMessages.Add>(add =>
            {
                _count += add.Amount;
                Sender.Tell(_count);
            });
            Receive<CounterMessages.Increment>(_ => _count++);
            Receive<CounterMessages.Read>(_ => Sender.Tell(_count));
        }
    }
}
