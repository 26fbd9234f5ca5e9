using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// How an activation ends: after a failed commit (withdrawn first, then its waiting callers fail), after a requested
/// deactivation, idle collection or the runtime's stop (its deactivation hook runs as the last turn), and what happens to
/// the messages still queued behind the end (they follow the grain).
/// </summary>
internal sealed partial class Activation<TGrain>
{
    /// <summary>After each turn: finish a failed commit's end, or run a requested deactivation.</summary>
    private ValueTask AfterTurn()
    {
        if (_extras?.FailedCommit is { } cause)
        {
            _extras.FailedCommit = null;
            Finish(cause);
            return default;
        }

        return Engine.DeactivationRequested ? EndNormallyAsync() : default;
    }

    /// <summary>Runs the deactivation hook as the last turn, then ends; a hook that fails is reported and the activation still ends.</summary>
    private async ValueTask EndNormallyAsync()
    {
        if (_ended)
        {
            return;
        }

        try
        {
            await Engine.DeactivateAsync(_runtime.StopToken).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _runtime.ReportDeactivationFailure(Id, error);
        }

        if (_extras?.FailedCommit is { } cause)
        {
            _extras.FailedCommit = null;
            Finish(cause);
            return;
        }

        End(null);
    }

    private async ValueTask DeactivateForStopAsync(ControlEnvelope<TGrain> envelope)
    {
        await EndNormallyAsync().ConfigureAwait(false);
        envelope.Complete(Turns);
    }

    private Task<int> PostControl(ControlRequest request)
    {
        var envelope = new ControlEnvelope<TGrain>(request);
        if (!TryPost(envelope))
        {
            envelope.OnActivationEnded();
        }

        return envelope.Done;
    }

    private void Reroute(Envelope<TGrain> envelope)
    {
        if (!envelope.FollowsGrain)
        {
            envelope.OnActivationEnded();
            return;
        }

        try
        {
            _runtime.Post(Id, envelope, admitted: true);
        }
        catch (Exception error)
        {
            envelope.Fail(error);
        }
    }

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
        EndTimers();
        _runtime.Remove(this);
        return true;
    }

    private void Finish(Exception? cause)
    {
        _runtime.PendingCallers.FailAllOf(this, new GrainDeactivatedException(Id, cause));
        _runtime.OnActivationEnded(Id);
    }
}
