using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;

namespace TypedGrains.Runtime;

/// <summary>Start, graceful stop and disposal.</summary>
public sealed partial class InProcessRuntime
{
    private const int Running = 0;
    private const int Draining = 1;
    private const int Deactivating = 2;
    private const int Stopped = 3;

    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile int _state;

    /// <summary>Signalled when a stop gives up waiting (its timeout or token); hooks and storage calls receive it.</summary>
    internal CancellationToken StopToken => _stopping.Token;

    /// <summary>
    /// Completes at once: the runtime runs from its construction. For hosts that start services; refused after a stop.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The runtime was stopped or disposed.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_state != Running, this);
        return cancellationToken.IsCancellationRequested ? Task.FromCanceled(cancellationToken) : Task.CompletedTask;
    }

    /// <summary>
    /// Stops gracefully. New messages from outside the runtime are refused at once (<see cref="ObjectDisposedException"/>);
    /// every mailbox is drained, casts included, with the messages grains send each other meanwhile; then every
    /// activation runs its deactivation hook (a save it asks for completes) and ends, failing the callers it still owed a
    /// deferred reply with <see cref="GrainDeactivatedException"/>. The stop gives up waiting after
    /// <see cref="InProcessRuntimeOptions.StopTimeout"/> or when <paramref name="cancellationToken"/> is cancelled: then
    /// every caller still waiting fails at once. A second call waits for the first stop.
    /// </summary>
    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        if (Interlocked.CompareExchange(ref _state, Draining, Running) != Running)
        {
            await _stopped.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        RuntimeLog.Stopping(Log, ActivationCount);
        using var giveUp = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var timeout = _options.StopTimeout == Timeout.InfiniteTimeSpan
            ? null
            : Time.CreateTimer(static state => ((CancellationTokenSource)state!).Cancel(), giveUp, _options.StopTimeout, Timeout.InfiniteTimeSpan);
        try
        {
            await DrainAsync(giveUp.Token).ConfigureAwait(false);
            _state = Deactivating;
            await Task.WhenAll(_activations.All().Select(activation => activation.Deactivate()).ToArray())
                .WaitAsync(giveUp.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (giveUp.IsCancellationRequested)
        {
            // Gave up waiting: whatever still runs is cut short below.
        }
        finally
        {
            Shutdown();
        }
    }

    /// <summary>
    /// Stops at once, without draining: later messages are refused, and every caller still waiting (on a call or a
    /// deferred reply) fails — a deferred-reply caller with <see cref="GrainDeactivatedException"/>, any other with
    /// <see cref="ObjectDisposedException"/>. Queued casts are dropped; use <see cref="StopAsync"/> or
    /// <see cref="DisposeAsync"/> to keep them.
    /// </summary>
    public void Dispose()
    {
        _state = Stopped;
        Shutdown();
    }

    /// <summary>Stops gracefully (<see cref="StopAsync"/>), then disposes.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_state == Running)
        {
            await StopAsync().ConfigureAwait(false);
        }

        Dispose();
    }

    private void ThrowIfRefused()
    {
        var state = _state;
        if (state == Draining && TurnScope.Current is { } scope && ReferenceEquals(scope.Owner, this))
        {
            // Grains still send each other messages while the runtime drains; only new work from outside is refused.
            return;
        }

        throw new ObjectDisposedException(nameof(InProcessRuntime), state == Stopped
            ? "The runtime was stopped; it accepts no messages."
            : "The runtime is stopping; it accepts no new messages.");
    }

    /// <summary>
    /// Drains every mailbox: passes of markers posted behind every queued message, until a whole pass sees the same
    /// activations with the same turn counts as the pass before it (no turn ran between the two, so no message is left).
    /// </summary>
    private async Task DrainAsync(CancellationToken cancellationToken)
    {
        Dictionary<ActivationBase, int>? previous = null;
        while (true)
        {
            var activations = _activations.All().ToArray();
            var counts = await Task.WhenAll(activations.Select(activation => activation.DrainMarker()).ToArray())
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            var current = new Dictionary<ActivationBase, int>(activations.Length, ReferenceEqualityComparer.Instance);
            for (var i = 0; i < activations.Length; i++)
            {
                current[activations[i]] = counts[i];
            }

            if (previous is not null && Quiet(previous, current))
            {
                return;
            }

            previous = current;
        }
    }

    private static bool Quiet(Dictionary<ActivationBase, int> previous, Dictionary<ActivationBase, int> current)
    {
        if (previous.Count != current.Count)
        {
            return false;
        }

        foreach (var (activation, turns) in current)
        {
            if (turns < 0 || !previous.TryGetValue(activation, out var before) || before != turns)
            {
                return false;
            }
        }

        return true;
    }

    private void Shutdown()
    {
        _state = Stopped;
        if (!_stopping.IsCancellationRequested)
        {
            try
            {
                _stopping.Cancel();
            }
            catch (AggregateException)
            {
                // A hook's registration threw; the stop goes on regardless.
            }
        }

        _collector.Dispose();
        Reminders.Dispose();
        Calls.Dispose();
        PendingCallers.FailAll();
        Calls.AbandonAll(static () => new ObjectDisposedException(nameof(InProcessRuntime), "The runtime stopped before the call completed."));
        if (_stopped.TrySetResult())
        {
            RuntimeLog.Stopped(Log);
            _metrics.Dispose();
        }
    }
}
