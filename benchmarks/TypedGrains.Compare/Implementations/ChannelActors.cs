using System.Collections.Concurrent;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace TypedGrains.Compare.Implementations;

/// <summary>
/// The hand-written baseline: one unbounded <see cref="Channel{T}"/> and one consumer loop per actor, replies
/// through a <see cref="TaskCompletionSource{TResult}"/>, actors in a <see cref="ConcurrentDictionary{TKey, TValue}"/>.
/// </summary>
internal sealed class ChannelActors : IActorImplementation
{
    private ConcurrentDictionary<long, Actor> _actors = new();

    public string Name => "channel";

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
        private readonly Channel<Message> _mailbox = Channel.CreateUnbounded<Message>(new UnboundedChannelOptions { SingleReader = true });
        private long _count;

        public Actor() => _ = RunAsync();

        public void Post(Message message) => _mailbox.Writer.TryWrite(message);

        private async Task RunAsync()
        {
            var reader = _mailbox.Reader;
            while (await reader.WaitToReadAsync().ConfigureAwait(false))
            {
                while (reader.TryRead(out var message))
                {
                    _count += message.Amount;
                    message.Reply?.SetResult(_count);
                }
            }
        }
    }
}
