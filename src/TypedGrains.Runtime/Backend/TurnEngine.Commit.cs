using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Backend;

/// <summary>The commit half of a turn, and the storage calls it and the activation make.</summary>
public sealed partial class TurnEngine<TGrain>
{
    private IGrainStateProvider? _provider;
    private Persistence.IStateCodec? _codec;
    private string _providerName = "default";
    private long _etag;

    /// <summary>
    /// Save (if asked) → reminder changes → replies → casts to other grains → casts to self → timer changes →
    /// deactivation request.
    /// </summary>
    private ValueTask CommitTurn()
    {
        Scope.EndTurn();
        var actions = Grain.Actions;
        if (!actions.SaveStateRequested)
        {
            if (actions.Reminders.Count > 0)
            {
                return StoreRemindersThenReleaseAsync(actions);
            }

            Release(actions);
            return default;
        }

        if (!_storesState)
        {
            RollbackTurn();
            return ValueTask.FromException(new InvalidOperationException(
                $"Grain '{Id}' keeps no stored state (a stateless worker, or a grain without state): SaveState() is not " +
                "allowed. The turn was rolled back. Move the state to a grain with state and another placement."));
        }

        return SaveThenReleaseAsync(actions);
    }

    private async ValueTask SaveThenReleaseAsync(GrainActions actions)
    {
        try
        {
            _etag = await WithStorageTimeout(
                static (engine, token) => engine._provider!.WriteAsync(engine.Id, engine._lifecycle.ExportState(), engine._codec!, engine._etag, token))
                .ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Nothing of the turn may take effect, and the state the activation holds was never acknowledged: the
            // backend drops the activation before the caller sees the error, and the next message reloads.
            var failure = new GrainStorageException(Id, GrainStorageOperation.Save, _providerName, error);
            RollbackTurn();
            _host.OnCommitFailed(failure);
            throw failure;
        }

        if (actions.Reminders.Count > 0)
        {
            await StoreRemindersThenReleaseAsync(actions).ConfigureAwait(false);
            return;
        }

        Release(actions);
    }

    private async ValueTask StoreRemindersThenReleaseAsync(GrainActions actions)
    {
        try
        {
            await WithStorageTimeout(
                static async (engine, token) =>
                {
                    await engine._host.ChangeRemindersAsync(engine.Grain.Actions.Reminders, token).ConfigureAwait(false);
                    return true;
                }).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Like a failed save: the caller sees the error and the activation ends, so no later turn builds on a
            // reminder it believes stored. A save of the same turn may already have landed.
            RollbackTurn();
            _host.OnCommitFailed(error);
            throw;
        }

        Release(actions);
    }

    private void Release(GrainActions actions)
    {
        var replies = actions.Replies;
        for (var i = 0; i < replies.Count; i++)
        {
            _host.Reply(replies[i]);
        }

        Scope.SendDeferred();

        var casts = actions.SelfCasts;
        for (var i = 0; i < casts.Count; i++)
        {
            _host.CastToSelf(casts[i]);
        }

        if (actions.Timers.Count > 0)
        {
            _host.ChangeTimers(actions.Timers);
        }

        if (actions.DeactivateRequested)
        {
            DeactivationRequested = true;
        }
    }

    private async ValueTask LoadAsync(CancellationToken cancellationToken)
    {
        var definition = TGrain.Definition;
        _provider = _host.ResolveProvider(definition.Provider);
        _providerName = definition.Provider ?? "default";
        // Bound to the host's runtime, the codec makes grain references read from storage callable here.
        _codec = definition.StateCodec.Bind(_host.Grains.Runtime);
        StoredState? stored;
        try
        {
            stored = await WithStorageTimeout(
                static (engine, token) => engine._provider!.ReadAsync(engine.Id, engine._codec!, token), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw new GrainStorageException(Id, GrainStorageOperation.Load, _providerName, error);
        }

        _lifecycle.ImportState(stored?.State);
        _etag = stored?.ETag ?? 0;
    }

    /// <summary>
    /// Runs one provider call under <see cref="ITurnHost.StorageTimeout"/>: the provider's token is cancelled at the
    /// timeout, and a provider that ignores it is abandoned (a <see cref="TimeoutException"/>), so no turn waits for
    /// storage forever. An abandoned write may still land later; the ETag compare-and-set then refuses whatever
    /// activation saves next with the older ETag.
    /// </summary>
    private async ValueTask<T> WithStorageTimeout<T>(
        Func<TurnEngine<TGrain>, CancellationToken, ValueTask<T>> operation, CancellationToken cancellationToken = default)
    {
        var timeout = _host.StorageTimeout;
        if (timeout == Timeout.InfiniteTimeSpan && !cancellationToken.CanBeCanceled)
        {
            return await operation(this, cancellationToken).ConfigureAwait(false);
        }

        using var deadline = timeout == Timeout.InfiniteTimeSpan
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : CreateDeadline(timeout, cancellationToken);
        var pending = operation(this, deadline.Token);
        if (pending.IsCompleted)
        {
            return await pending.ConfigureAwait(false);
        }

        try
        {
            return await pending.AsTask().WaitAsync(timeout, _host.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The state provider '{_providerName}' did not answer within {timeout}.");
        }
    }

    private CancellationTokenSource CreateDeadline(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = cancellationToken.CanBeCanceled
            ? CancellationTokenSource.CreateLinkedTokenSource(cancellationToken)
            : new CancellationTokenSource(timeout, _host.Time);
        if (cancellationToken.CanBeCanceled)
        {
            deadline.CancelAfter(timeout);
        }

        return deadline;
    }
}
