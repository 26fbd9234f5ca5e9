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
        var actions = Lifecycle.PendingActions;
        LeaveTurn();
        if (actions is null)
        {
            // The common turn: nothing to save or release; at most casts to other grains to send.
            SendDeferred();
            return default;
        }

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
            _etag = await WithStorageTimeout(_provider!.WriteAsync(Id, Lifecycle.ExportState(), _codec!, _etag, _host.StopToken))
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
            await WithStorageTimeout(StoreRemindersAsync(actions)).ConfigureAwait(false);
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

    private async ValueTask<bool> StoreRemindersAsync(GrainActions actions)
    {
        await _host.ChangeRemindersAsync(actions.Reminders, _host.StopToken).ConfigureAwait(false);
        return true;
    }

    private void Release(GrainActions actions)
    {
        var replies = actions.Replies;
        for (var i = 0; i < replies.Count; i++)
        {
            _host.Reply(replies[i]);
        }

        SendDeferred();

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

    private ValueTask LoadAsync()
    {
        var definition = TGrain.Definition;
        ValueTask<StoredState?> read;
        try
        {
            _provider = _host.ResolveProvider(definition.Provider);
            _providerName = definition.Provider ?? "default";
            // Bound to the host's runtime, the codec makes grain references read from storage callable here.
            _codec = definition.StateCodec.Bind(_host.Grains.Runtime);
            read = _provider.ReadAsync(Id, _codec, _host.StopToken);
        }
        catch (InvalidOperationException error) when (_provider is null)
        {
            // An unregistered provider is a configuration error, reported as itself.
            return ValueTask.FromException(error);
        }
        catch (Exception error)
        {
            return ValueTask.FromException(new GrainStorageException(Id, GrainStorageOperation.Load, _providerName, error));
        }

        if (!read.IsCompletedSuccessfully)
        {
            return AwaitLoadAsync(read);
        }

        Import(read.Result);
        return default;
    }

    private async ValueTask AwaitLoadAsync(ValueTask<StoredState?> read)
    {
        StoredState? stored;
        try
        {
            stored = await WithStorageTimeout(read).ConfigureAwait(false);
        }
        catch (Exception error)
        {
            throw new GrainStorageException(Id, GrainStorageOperation.Load, _providerName, error);
        }

        Import(stored);
    }

    private void Import(StoredState? stored)
    {
        Lifecycle.ImportState(stored?.State);
        _etag = stored?.ETag ?? 0;
    }

    /// <summary>
    /// Runs one provider call under <see cref="ITurnHost.StorageTimeout"/>: a call that has not answered by then is
    /// abandoned (a <see cref="TimeoutException"/>), so no turn waits for storage forever; a call that completes
    /// synchronously (the in-memory provider) costs nothing extra. The provider receives the backend's stop token.
    /// An abandoned write may still land later; the ETag compare-and-set then refuses whatever activation saves next
    /// with the older ETag.
    /// </summary>
    private async ValueTask<T> WithStorageTimeout<T>(ValueTask<T> pending)
    {
        var timeout = _host.StorageTimeout;
        if (pending.IsCompleted || timeout == Timeout.InfiniteTimeSpan)
        {
            return await pending.ConfigureAwait(false);
        }

        try
        {
            return await pending.AsTask().WaitAsync(timeout, _host.Time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"The state provider '{_providerName}' did not answer within {timeout}.");
        }
    }
}
