using System.Collections.Concurrent;
using System.Threading.Tasks;
using System.Threading.Tasks.Dataflow;

namespace TypedGrains.Compare.Implementations;

/// <summary>The second hand-written baseline: one TPL Dataflow <see cref="ActionBlock{TInput}"/> per actor.</summary>
internal sealed class ActionBlockActors : IActorImplementation
{
    private ConcurrentDictionary<long, Actor> _actors = new();

    public string Name => "actionblock";

    public ValueTask<long> AddAsync(long key, int amount)
    {
        var reply = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        Get(key).Post(new Message(amount, reply));
        return new ValueTask<long>(reply.Task);
    }

    public void Increment(long key) => Get(key).Post(new Message(1, null));

    public ValueTask<long> GetAsync(long key) => AddAsync(key, 0);

    public ValueTask ResetAsync()
    {
        _actors = new ConcurrentDictionary<long, Actor>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ResetAsync();

    private Actor Get(long key) => _actors.TryGetValue(key, out var actor) ? actor : _actors.GetOrAdd(key, static _ => new Actor());

    private sealed record Message(int Amount, TaskCompletionSource<long>? Reply);

    private sealed class Actor
    {
        private readonly ActionBlock<Message> _block;
        private long _count;

        public Actor() => _block = new ActionBlock<Message>(message =>
        {
            _count += message.Amount;
            message.Reply?.SetResult(_count);
        });

        public void Post(Message message) => _block.Post(message);
    }
}
