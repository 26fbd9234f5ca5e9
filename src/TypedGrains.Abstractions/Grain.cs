using System;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains;

/// <summary>
/// The base of every grain: its id, the actions of the current turn, and the methods that request actions. Derive a
/// grain with state from <see cref="Grain{TState}"/>; a grain without state (a stateless worker, a pure function)
/// derives from <see cref="Grain"/> directly and has nothing to load or save.
/// </summary>
public abstract partial class Grain : IGrainLifecycle
{
    private IGrainFactory? _grains;
    private GrainActions? _actions;

    /// <summary>Creates the grain.</summary>
    protected Grain()
    {
    }

    /// <summary>The id of this grain instance; <c>default</c> until a runtime activates it.</summary>
    public GrainId Id { get; private set; }

    /// <summary>The actions requested by the current turn (read them in unit tests after calling a handler).</summary>
    public GrainActions Actions => _actions ??= new();

    /// <summary>
    /// Hands out references to other grains of the runtime this activation runs on, e.g. <c>Grains.Counter("c-1")</c>.
    /// A unit test of a pure handler that needs it binds a factory with <see cref="IGrainLifecycle.Attach"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">No runtime activated this instance.</exception>
    protected IGrainFactory Grains => _grains ?? throw new InvalidOperationException(
        $"Grain '{(Id.IsDefault ? GetType().Name : Id.ToString())}' is not running on a runtime, so it has no Grains factory: " +
        "obtain it from a runtime, or attach a factory with IGrainLifecycle.Attach in a unit test.");

    /// <summary>
    /// Runs as the first turn of every activation, after the state was loaded and before the first message. Its actions
    /// (save-state, casts, ...) commit like any turn's. If it throws, the activation fails: the message that activated
    /// it gets the exception and the next message tries to activate the grain again.
    /// </summary>
    /// <param name="cancellationToken">Signalled when the runtime stops before the activation completed.</param>
    protected virtual ValueTask OnActivateAsync(CancellationToken cancellationToken) => default;

    /// <summary>
    /// Runs as the last turn of an activation that ends normally (idle collection, <see cref="DeactivateAfterTurn"/>,
    /// the runtime stopping); a save it asks for completes before the activation is gone. It does not run when the
    /// activation ends because a save failed. An exception it throws rolls it back and is reported; the activation
    /// still ends.
    /// </summary>
    /// <param name="cancellationToken">Signalled when the runtime's stop timeout runs out.</param>
    protected virtual ValueTask OnDeactivateAsync(CancellationToken cancellationToken) => default;

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

    void IGrainLifecycle.Attach(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        _grains = grains;
    }

    ValueTask IGrainLifecycle.OnActivateAsync(CancellationToken cancellationToken) => OnActivateAsync(cancellationToken);

    ValueTask IGrainLifecycle.OnDeactivateAsync(CancellationToken cancellationToken) => OnDeactivateAsync(cancellationToken);

    GrainActions? IGrainLifecycle.PendingActions => _actions is { IsEmpty: false } actions ? actions : null;

    void IGrainLifecycle.BeginTurn()
    {
        _actions?.Clear();
        SnapshotState();
    }

    void IGrainLifecycle.RollbackTurn()
    {
        _actions?.Clear();
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
