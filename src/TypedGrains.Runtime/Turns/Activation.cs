using System;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// One activation of a grain in this process: its mailbox, the <see cref="TurnEngine{TGrain}"/> that runs its turns
/// by the shared rules, and the in-process side of the engine's <see cref="ITurnHost"/>. The activation drives each
/// turn: it activates on the first message, hands each message to the engine, answers the sender, and ends itself
/// when a turn asks to deactivate, a save fails, it is idle, or the runtime stops. Once ended, every message still
/// queued follows the grain to a new activation.
/// </summary>
internal sealed partial class Activation<TGrain> : ActivationBase, ITurnHost
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly InProcessRuntime _runtime;
    private ActivationExtras<TGrain>? _extras;
    private volatile bool _ended;

    public Activation(InProcessRuntime runtime, ActivationTable table, GrainId id)
        : base(table, runtime.Time.GetTimestamp())
    {
        _runtime = runtime;
        Engine = new TurnEngine<TGrain>(this, id, storesState: TGrain.Definition.StoresState, runtime);
        Mailbox = new Mailbox<TGrain>(this, runtime.MailboxSettings);
    }

    public TurnEngine<TGrain> Engine { get; }

    public Mailbox<TGrain> Mailbox { get; }

    public TGrain Grain => Engine.Grain;

    public override GrainId Id => Engine.Id;

    /// <summary>The rarely needed fields, made on first use.</summary>
    private ActivationExtras<TGrain> Extras => ActivationExtras<TGrain>.Of(ref _extras);

    /// <summary>Whether the activation has activated and not ended: a direct call may run its turn (the mailbox decides when).</summary>
    public bool IsReady => !_ended && Engine.IsActivated;

    /// <summary>Queues <paramref name="envelope"/>; <c>false</c> when the activation has ended and the caller must route again.</summary>
    /// <exception cref="MailboxFullException">The mailbox is full and the message was not <paramref name="admitted"/> before.</exception>
    public bool TryPost(Envelope<TGrain> envelope, bool admitted = false)
    {
        if (_ended)
        {
            return false;
        }

        if (envelope.IsTurn)
        {
            if (admitted)
            {
                Mailbox.Count(envelope);
            }
            else if (!Mailbox.TryReserve(envelope))
            {
                throw new MailboxFullException(Id, _runtime.MailboxSettings.Limit);
            }
        }

        Mailbox.Post(envelope);
        return true;
    }

    /// <summary>Claims an idle mailbox for a stateless-worker pool (see <see cref="Mailbox{TGrain}.TryClaim"/>).</summary>
    public bool TryClaim() => !_ended && Mailbox.TryClaim();

    /// <summary>Queues <paramref name="envelope"/> on a mailbox claimed with <see cref="TryClaim"/>.</summary>
    public void Deliver(Envelope<TGrain> envelope)
    {
        Mailbox.Count(envelope);
        // Nobody else schedules a claimed mailbox, and an activation only ends from its own mailbox, so an envelope
        // that meets an ended activation is routed again by Run like any message queued behind the end.
        Mailbox.Deliver(envelope);
    }

    public override void RequestCollection(int turns) => TryPost(new CollectEnvelope<TGrain>(turns));

    public override Task<int> DrainMarker() => PostControl(ControlRequest.DrainMarker);

    public override Task Deactivate() => PostControl(ControlRequest.Deactivate);

    /// <summary>Runs one message from the mailbox. Never throws: failures go to the message's sender.</summary>
    public ValueTask Run(Envelope<TGrain> envelope)
    {
        if (_ended)
        {
            Reroute(envelope);
            return default;
        }

        if (!envelope.IsTurn)
        {
            return envelope.DeliverTo(this);
        }

        if (envelope.CountsAsActivity)
        {
            CountTurn();
        }

        return _runtime.ObservesTurns ? RunObservedAsync(envelope) : RunTurn(envelope);
    }

    /// <summary>Activates first if needed (synchronously when storage and the hook allow), then runs the message.</summary>
    private ValueTask RunTurn(Envelope<TGrain> envelope)
    {
        if (!Engine.IsActivated)
        {
            var activation = Engine.ActivateAsync(_runtime.StopToken);
            if (!activation.IsCompletedSuccessfully)
            {
                return ActivateThenRunAsync(activation, envelope);
            }

            OnActivated();
        }

        return envelope.DeliverTo(this);
    }

    /// <summary>Ends the activation if no turn started since the collector found it idle at turn <paramref name="turnsWhenIdle"/>.</summary>
    public ValueTask CollectIfIdle(int turnsWhenIdle)
    {
        if (Turns != turnsWhenIdle || !OnlyTicksQueued || PendingCallers != 0)
        {
            return default;
        }

        RuntimeLog.IdleCollected(_runtime.Log, Id);
        return EndNormallyAsync();
    }

    public ValueTask RunControl(ControlEnvelope<TGrain> envelope)
    {
        if (envelope.Request == ControlRequest.DrainMarker)
        {
            envelope.Complete(Turns);
            return default;
        }

        return DeactivateForStopAsync(envelope);
    }

    // ---- ITurnHost: the in-process side of the engine ----

    IGrainFactory ITurnHost.Grains => _runtime;

    TimeProvider ITurnHost.Time => _runtime.Time;

    IServiceProvider? ITurnHost.Services => _runtime.Services;

    TimeSpan ITurnHost.StorageTimeout => _runtime.CallTimeout;

    System.Threading.CancellationToken ITurnHost.StopToken => _runtime.StopToken;

    IGrainStateProvider ITurnHost.ResolveProvider(string? name) => _runtime.ResolveProvider(name, Id);

    void ITurnHost.Reply(DeferredReply reply)
    {
        // A token of another incarnation (kept in stored state across a restart) or of a caller already answered
        // (timeout, cancellation, an ended activation) reaches nobody: the reply is dropped and reported.
        if (!_runtime.PendingCallers.Contains(reply.Caller))
        {
            _runtime.ReportReplyDropped(Id, reply.Caller);
            return;
        }

        reply.DeliverTo(_runtime);
    }

    void ITurnHost.CastToSelf(SelfCast cast)
    {
        try
        {
            cast.Send(_runtime, Id);
        }
        catch (Exception error)
        {
            _runtime.ReportCastFailure(Id, error);
        }
    }

    void ITurnHost.OnCommitFailed(Exception error)
    {
        // A stateless worker never saves, so this is always an activation with state: leave the directory now, so a
        // caller that sees the error also sees the grain inactive; the waiting callers are failed after it (AfterTurn).
        Extras.FailedCommit = error;
        Withdraw();
    }

    // ---- activating ----

    private async ValueTask ActivateThenRunAsync(ValueTask activation, Envelope<TGrain> envelope)
    {
        try
        {
            await activation.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // The next message retries with a new activation; this one's sender gets the reason.
            OnActivationFailed(error);
            End(error);
            envelope.Fail(error);
            return;
        }

        OnActivated();
        await envelope.DeliverTo(this).ConfigureAwait(false);
    }
}
