using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// One activation of a grain and its mailbox. Messages run one at a time on the thread pool: an Idle/Scheduled
/// compare-and-swap decides who schedules the mailbox, a per-slice budget makes a busy activation yield its thread,
/// and turns that complete synchronously never leave the loop. Once ended, the mailbox hands every queued message
/// back to the runtime, which routes it to a fresh activation. An activation of a stateless worker never touches
/// the state provider: it starts from the grain's initial state and refuses a turn that asks to save.
/// </summary>
internal sealed class Activation<TGrain> : ActivationBase, IThreadPoolWorkItem
    where TGrain : Grain, IGrain<TGrain>
{
    private const int Idle = 0;
    private const int Scheduled = 1;

    private readonly InProcessRuntime _runtime;
    private readonly MailboxQueue<TGrain> _queue = new();
    private readonly IGrainLifecycle _lifecycle;
    private IGrainStateProvider? _provider;
    private IStateCodec? _codec;
    private long _etag;
    private bool _loaded;
    private int _status;
    private volatile bool _ended;

    public Activation(InProcessRuntime runtime, ActivationTable table, GrainId id)
        : base(table, id, runtime.Time.GetTimestamp())
    {
        _runtime = runtime;
        Grain = TGrain.Definition.Create();
        _lifecycle = Grain;
        _lifecycle.Bind(id);
        _loaded = table.IsStatelessWorker;
    }

    public TGrain Grain { get; }

    /// <summary>Queues <paramref name="envelope"/>; <c>false</c> when the activation has ended and the caller must route again.</summary>
    public bool TryPost(Envelope<TGrain> envelope)
    {
        if (_ended)
        {
            return false;
        }

        _queue.Enqueue(envelope);

        // The enqueue's exchange is a full fence, and Release() sets Idle with one before it looks at the queue, so a
        // plain read that sees Scheduled is safe: the consumer will find this envelope. It saves a locked operation
        // per message while the mailbox is busy.
        if (TryTakeSchedule())
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: envelope.SenderWaits);
        }

        return true;
    }

    /// <summary>
    /// Takes the mailbox from Idle to Scheduled for a stateless-worker pool looking for a free activation. On
    /// <c>true</c> the caller owns the schedule and must <see cref="Deliver"/> exactly one envelope.
    /// </summary>
    public bool TryClaim() => !_ended && TryTakeSchedule();

    /// <summary>Queues <paramref name="envelope"/> on a mailbox claimed with <see cref="TryClaim"/> and schedules it.</summary>
    public void Deliver(Envelope<TGrain> envelope)
    {
        // Nobody else schedules a Scheduled mailbox, and an activation only ends from its own mailbox, so an envelope
        // that meets an ended activation is routed again by Run like any message queued behind the end.
        _queue.Enqueue(envelope);
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: envelope.SenderWaits);
    }

    /// <summary>Idle to Scheduled; <c>true</c> for the one caller that made the move and must now schedule the mailbox.</summary>
    private bool TryTakeSchedule() =>
        Volatile.Read(ref _status) == Idle && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle;

    public override void RequestCollection(int turns) => TryPost(new CollectEnvelope<TGrain>(turns));

    public void Execute()
    {
        for (var budget = _runtime.TurnBudget; budget > 0; budget--)
        {
            if (!_queue.TryDequeue(out var envelope))
            {
                Release();
                return;
            }

            var turn = Run(envelope);
            if (!turn.IsCompletedSuccessfully)
            {
                _ = ResumeAfterAsync(turn);
                return;
            }
        }

        // Budget spent: keep the mailbox Scheduled but give the thread back to the pool.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    public void BeginTurn()
    {
        CountTurn();
        _lifecycle.BeginTurn();
    }

    public void RollbackTurn() => _lifecycle.RollbackTurn();

    /// <summary>Applies the actions of the turn that just returned: save-state first, then replies, self-casts, deactivation.</summary>
    public ValueTask CommitTurnAsync()
    {
        var actions = Grain.Actions;
        if (actions.IsEmpty)
        {
            return default;
        }

        if (actions.SaveStateRequested)
        {
            return Table.IsStatelessWorker ? RefuseSave() : SaveThenApplyAsync(actions);
        }

        Apply(actions);
        return default;
    }

    /// <summary>Ends the activation if no turn started since the collector found it idle at turn <paramref name="turnsWhenIdle"/>.</summary>
    public void CollectIfIdle(int turnsWhenIdle)
    {
        if (Turns == turnsWhenIdle && _queue.IsEmpty && PendingCallers == 0)
        {
            End(null);
        }
    }

    private ValueTask Run(Envelope<TGrain> envelope)
    {
        if (_ended)
        {
            if (envelope.FollowsGrain)
            {
                try
                {
                    _runtime.Post(Id, envelope);
                }
                catch (Exception error)
                {
                    envelope.Fail(error);
                }
            }

            return default;
        }

        return _loaded || !envelope.NeedsState ? envelope.RunAsync(this) : LoadThenRunAsync(envelope);
    }

    private async ValueTask LoadThenRunAsync(Envelope<TGrain> envelope)
    {
        try
        {
            _provider = _runtime.ResolveProvider(TGrain.Definition, Id);
            // Issue 4: bound to this runtime, the codec makes grain references read from storage callable here.
            _codec = TGrain.Definition.StateCodec.Bind(_runtime);
            var stored = await _provider.ReadAsync(Id, _codec).ConfigureAwait(false);
            _lifecycle.ImportState(stored?.State);
            _etag = stored?.ETag ?? 0;
            _loaded = true;
        }
        catch (Exception error)
        {
            End(error);
            envelope.Fail(error);
            return;
        }

        await envelope.RunAsync(this).ConfigureAwait(false);
    }

    private async ValueTask SaveThenApplyAsync(GrainActions actions)
    {
        // A failed write throws to the turn's envelope, which ends the activation around failing its caller
        // (see TurnEnvelope.FailCommit): unacknowledged state must not survive, the next message reloads from storage.
        _etag = await _provider!.WriteAsync(Id, _lifecycle.ExportState(), _codec!, _etag).ConfigureAwait(false);
        Apply(actions);
    }

    private ValueTask RefuseSave()
    {
        _lifecycle.RollbackTurn();
        throw new InvalidOperationException(
            $"Grain '{Id}' is a stateless worker (Placement.StatelessWorker), which keeps no stored state: SaveState() is " +
            "not allowed. The turn was rolled back. Move the state to a grain with another placement.");
    }

    private void Apply(GrainActions actions)
    {
        var replies = actions.Replies;
        for (var i = 0; i < replies.Count; i++)
        {
            replies[i].DeliverTo(_runtime);
        }

        // From here the turn is committed (its replies are out): a self-cast that cannot be sent (the runtime was
        // disposed) is reported like a failed cast instead of failing the turn.
        var casts = actions.SelfCasts;
        for (var i = 0; i < casts.Count; i++)
        {
            try
            {
                casts[i].Send(_runtime, Id);
            }
            catch (Exception error)
            {
                _runtime.ReportCastFailure(Id, error);
            }
        }

        if (actions.DeactivateRequested)
        {
            End(null);
        }
    }

    /// <summary>
    /// First step of ending after a failed commit: takes the activation out of the directory so that no new message
    /// reaches it, without failing anyone yet. Returns <c>false</c> when the activation does not end: it had already
    /// ended, or it is a stateless worker, which has no stored state that could be stale (in practice its failed commit
    /// is a refused save, which <see cref="RefuseSave"/> rolled back like a throwing handler), so it keeps serving.
    /// </summary>
    public bool WithdrawAfterFailedCommit() => !Table.IsStatelessWorker && Withdraw();

    /// <summary>
    /// Second step, after the failed turn's own caller got the error: fails the other waiting callers and reports the
    /// end. Between the two steps the caller sees the error only once the grain is no longer active.
    /// </summary>
    public void FinishEndAfterFailedCommit(Exception cause) => Finish(cause);

    private void End(Exception? cause)
    {
        if (Withdraw())
        {
            Finish(cause);
        }
    }

    private bool Withdraw()
    {
        if (_ended)
        {
            return false;
        }

        _ended = true;
        _runtime.Remove(this);
        return true;
    }

    private void Finish(Exception? cause)
    {
        _runtime.PendingCallers.FailAllOf(this, new GrainDeactivatedException(Id, cause));
        _runtime.OnActivationEnded(Id);
    }

    private async Task ResumeAfterAsync(ValueTask turn)
    {
        try
        {
            // Turns report failures to their callers, never by throwing; the finally keeps the mailbox going regardless.
            await turn.ConfigureAwait(false);
        }
        finally
        {
            Execute();
        }
    }

    private void Release()
    {
        // A full fence: the emptiness check below must not be satisfied before Idle is visible to posters, or a
        // message enqueued in between would find the mailbox Scheduled and nobody would run it.
        Interlocked.Exchange(ref _status, Idle);
        if (!_queue.IsEmpty && Interlocked.CompareExchange(ref _status, Scheduled, Idle) == Idle)
        {
            ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
        }
    }
}
