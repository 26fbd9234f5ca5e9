using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Runtime.Envelopes;
using TypedGrains.Runtime.Timers;

namespace TypedGrains.Runtime;

/// <summary>Timers and reminders: the engine's commit hands their changes here; ticks run as turns from the mailbox.</summary>
internal sealed partial class Activation<TGrain>
{
    /// <summary>The running timers of this activation.</summary>
    public int TimerCount => _extras?.Timers?.Count ?? 0;

    void ITurnHost.ChangeTimers(IReadOnlyList<TimerChange> changes)
    {
        var extras = Extras;
        var timers = extras.Timers ??= new ActivationTimers<TGrain>(this, _runtime.Time);
        for (var i = 0; i < changes.Count; i++)
        {
            timers.Apply(changes[i]);
        }
    }

    ValueTask ITurnHost.ChangeRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken) =>
        _runtime.Reminders.ApplyAsync(Id, changes, cancellationToken);

    /// <summary>Queues a tick of <paramref name="timer"/>; <c>false</c> when it was not queued.</summary>
    public bool TryPostTick(GrainTimer<TGrain> timer)
    {
        if (!_runtime.IsRunning)
        {
            return false;
        }

        Interlocked.Increment(ref Extras.QueuedTicks);
        try
        {
            if (TryPost(new TickEnvelope<TGrain>(timer)))
            {
                return true;
            }
        }
        catch (MailboxFullException)
        {
        }

        TickLeftMailbox();
        return false;
    }

    /// <summary>A tick ran or was dropped.</summary>
    public void TickLeftMailbox() => Interlocked.Decrement(ref Extras.QueuedTicks);

    /// <summary>
    /// Whether the mailbox may hold nothing but ticks. Idle collection does not wait for those: a timer that ticks as
    /// often as the collector looks would otherwise keep its activation alive. Anything else queued with them follows
    /// the grain to a new activation.
    /// </summary>
    private bool OnlyTicksQueued => Mailbox.IsEmpty || (_extras is { } extras && Volatile.Read(ref extras.QueuedTicks) > 0);

    public ValueTask RunTick(TickEnvelope<TGrain> envelope)
    {
        TickLeftMailbox();
        var timer = envelope.Timer;
        if (timer.IsStopped)
        {
            return default;
        }

        var visitor = new TickVisitor(Engine);
        timer.Handler.Accept(ref visitor);
        var turn = visitor.Turn;
        if (!turn.IsCompletedSuccessfully)
        {
            return AwaitTickAsync(timer, turn);
        }

        AfterTick(timer);
        return AfterTurn();
    }

    private async ValueTask AwaitTickAsync(GrainTimer<TGrain> timer, ValueTask turn)
    {
        try
        {
            await turn.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _runtime.ReportCastFailure(Id, error);
        }

        AfterTick(timer);
        await AfterTurn().ConfigureAwait(false);
    }

    private void AfterTick(GrainTimer<TGrain> timer)
    {
        if (timer.Period == Timeout.InfiniteTimeSpan)
        {
            _extras?.Timers?.Finished(timer);
        }
        else
        {
            timer.ArmNext();
        }
    }

    private void EndTimers() => _extras?.Timers?.EndAll();

    /// <summary>Runs the tick handler's typed request as a turn.</summary>
    private struct TickVisitor : IRequestVisitor<TGrain>
    {
        private readonly TurnEngine<TGrain> _engine;

        public TickVisitor(TurnEngine<TGrain> engine)
        {
            _engine = engine;
            Turn = default;
        }

        public ValueTask Turn { get; private set; }

        public void CallVoid<TRequest>(in TRequest request)
            where TRequest : struct, IGrainRequest<TGrain> => Turn = _engine.RunAsync(in request);

        public void Call<TRequest, TReply>(in TRequest request)
            where TRequest : struct, IGrainRequest<TGrain, TReply> => throw NotATick();

        public void CallDeferred<TRequest, TReply>(in TRequest request)
            where TRequest : struct, IDeferredGrainRequest<TGrain, TReply> => throw NotATick();

        public void Cast<TRequest>(in TRequest request)
            where TRequest : struct, IGrainRequest<TGrain> => throw NotATick();

        private static InvalidOperationException NotATick() => new("A tick handler token handed over a request that is not a tick.");
    }
}
