using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Backend;

/// <summary>The commit half of a turn, and the storage calls it and the activation make.</summary>
public sealed partial class TurnEngine<TGrain>
{
    // The binding the last activation of this grain type resolved: one runtime per process is the common case.
    private static StateBinding? s_lastBinding;

    private StateBinding? _storage;
    private long _etag;

    private static string ProviderName => TGrain.Definition.Provider ?? "default";

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
            _etag = await WithStorageTimeout(_storage!.Provider.WriteAsync(Id, Lifecycle.ExportState(), _storage.Codec, _etag, _host.StopToken))
                .ConfigureAwait(false);
        }
        catch (Exception error)
        {
            // Nothing of the turn may take effect, and the state the activation holds was never acknowledged: the
            // backend drops the activation before the caller sees the error, and the next message reloads.
            var failure = new GrainStorageException(Id, GrainStorageOperation.Save, ProviderName, error);
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
        ValueTask<StoredState?> read;
        try
        {
            _storage = Bind();
            read = _storage.Provider.ReadAsync(Id, _storage.Codec, _host.StopToken);
        }
        catch (InvalidOperationException error) when (_storage is null)
        {
            // An unregistered provider is a configuration error, reported as itself.
            return ValueTask.FromException(error);
        }
        catch (Exception error)
        {
            return ValueTask.FromException(new GrainStorageException(Id, GrainStorageOperation.Load, ProviderName, error));
        }

        if (!read.IsCompletedSuccessfully)
        {
            return AwaitLoadAsync(read);
        }

        Import(read.Result);
        return default;
    }

    /// <summary>The provider and codec of this grain type in the host's runtime (resolved once per runtime).</summary>
    private StateBinding Bind()
    {
        var binding = Volatile.Read(ref s_lastBinding);
        if (binding is not null && ReferenceEquals(binding.Owner, Owner))
        {
            return binding;
        }

        var definition = TGrain.Definition;
        var provider = _host.ResolveProvider(definition.Provider);
        // Bound to the host's runtime, the codec makes grain references read from storage callable here.
        binding = new StateBinding(Owner, provider, definition.StateCodec.Bind(_host.Grains.Runtime));
        Volatile.Write(ref s_lastBinding, binding);
        return binding;
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
            throw new GrainStorageException(Id, GrainStorageOperation.Load, ProviderName, error);
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
            throw new TimeoutException($"The state provider '{ProviderName}' did not answer within {timeout}.");
        }
    }
}
