using System;
using System.ComponentModel;

namespace TypedGrains;

/// <summary>
/// The base of every grain: its id, the actions of the current turn, and the methods that request actions. Derive a
/// grain with state from <see cref="Grain{TState}"/>; a grain without state (a stateless worker, a pure function)
/// derives from <see cref="Grain"/> directly and has nothing to load or save.
/// </summary>
public abstract class Grain : IGrainLifecycle
{
    /// <summary>Creates the grain.</summary>
    protected Grain()
    {
    }

    /// <summary>The id of this grain instance; <c>default</c> until a runtime activates it.</summary>
    public GrainId Id { get; private set; }

    /// <summary>The actions requested by the current turn (read them in unit tests after calling a handler).</summary>
    public GrainActions Actions { get; } = new();

    /// <summary>Asks the runtime to save the state when this turn returns; replies of the turn wait for the save.</summary>
    protected void SaveState() => Actions.RequestSave();

    /// <summary>Asks the runtime to end this activation after the current turn.</summary>
    protected void DeactivateAfterTurn() => Actions.RequestDeactivation();

    /// <summary>Answers a caller kept waiting by a deferred call; released when this turn commits.</summary>
    protected void Reply<TReply>(Caller<TReply> caller, TReply value) =>
        Actions.AddReply(new DeferredReply<TReply>(caller, value, null));

    /// <summary>Fails a caller kept waiting by a deferred call with <paramref name="error"/>; released when this turn commits.</summary>
    protected void ReplyError<TReply>(Caller<TReply> caller, Exception error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Actions.AddReply(new DeferredReply<TReply>(caller, default!, error));
    }

    /// <summary>Adds a cast-to-self action; generated <c>CastToSelf</c> members call this.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void AddSelfCast(SelfCast cast)
    {
        ArgumentNullException.ThrowIfNull(cast);
        Actions.AddSelfCast(cast);
    }

    void IGrainLifecycle.Bind(GrainId id)
    {
        if (!Id.IsDefault && Id != id)
        {
            throw new InvalidOperationException($"Grain instance is already bound to '{Id}'.");
        }

        Id = id;
    }

    void IGrainLifecycle.BeginTurn()
    {
        Actions.Clear();
        SnapshotState();
    }

    void IGrainLifecycle.RollbackTurn()
    {
        Actions.Clear();
        RestoreSnapshot();
    }

    object? IGrainLifecycle.ExportState() => ExportState();

    void IGrainLifecycle.ImportState(object? state) => ImportState(state);

    // A grain without state has nothing to remember, restore, export or import; Grain<TState> overrides all four.
    private protected virtual void SnapshotState()
    {
    }

    private protected virtual void RestoreSnapshot()
    {
    }

    private protected virtual object? ExportState() => null;

    private protected virtual void ImportState(object? state)
    {
    }
}
