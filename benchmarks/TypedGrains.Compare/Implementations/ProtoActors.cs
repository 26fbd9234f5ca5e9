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
    private SpawnedActors<PID> _actors;

    public ProtoActors() => _actors = NewActors();

    public string Name => "protoactor";

    public ValueTask<long> AddAsync(long key, int amount) => new(_system.Root.RequestAsync<long>(_actors.Get(key), new CounterMessages.Add(amount), CancellationToken.None));

    public void Increment(long key) => _system.Root.Send(_actors.Get(key), CounterMessages.Increment.Instance);

    public ValueTask<long> GetAsync(long key) => new(_system.Root.RequestAsync<long>(_actors.Get(key), CounterMessages.Read.Instance, CancellationToken.None));

    public async ValueTask ResetAsync()
    {
        await _system.ShutdownAsync();
        _system = new ActorSystem();
        _actors = NewActors();
    }

    // The lambdas read the current system, so a table made after a reset spawns in the new one.
    private SpawnedActors<PID> NewActors() => new(() => _system.Root.Spawn(CounterProps), actor => _system.Root.Stop(actor));

    public async ValueTask DisposeAsync() => await _system.ShutdownAsync();

    private sealed class Counter : IActor
    {
        private long _count;

        public Task ReceiveAsync(IContext context)
        {
            switch (context.Message)
            {
                case CounterMessages.Add add:
                    _count += add.Amount;
                    context.Respond(_count);
                    break;
                case CounterMessages.Increment:
                    _count++;
                    break;
                case CounterMessages.Read:
                    context.Respond(_count);
                    break;
            }

            return Task.CompletedTask;
        }
    }
}
