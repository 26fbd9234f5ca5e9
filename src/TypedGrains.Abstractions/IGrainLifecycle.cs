using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains;

/// <summary>
/// The hooks a runtime uses to drive a grain's turns. Implemented explicitly by <see cref="Grain"/>; user code
/// does not call it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainLifecycle
{
    /// <summary>Binds the activation to its grain id (once).</summary>
    void Bind(GrainId id);

    /// <summary>Gives the grain the factory its <c>Grains</c> property returns.</summary>
    void Attach(IGrainFactory grains);

    /// <summary>Runs the grain's <c>OnActivateAsync</c> hook (inside a turn the runtime began).</summary>
    ValueTask OnActivateAsync(CancellationToken cancellationToken);

    /// <summary>Runs the grain's <c>OnDeactivateAsync</c> hook (inside a turn the runtime began).</summary>
    ValueTask OnDeactivateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The actions the current turn asked for, or <c>null</c> when it asked for none (reading it allocates nothing,
    /// unlike <see cref="Grain.Actions"/>, which a grain creates on first use).
    /// </summary>
    GrainActions? PendingActions { get; }

    /// <summary>Starts a turn: clears actions and remembers the committed state.</summary>
    void BeginTurn();

    /// <summary>Drops the state and actions of the current turn.</summary>
    void RollbackTurn();

    /// <summary>The current state, for a state provider.</summary>
    object? ExportState();

    /// <summary>Replaces the state with a stored one, or with the initial state when <paramref name="state"/> is <c>null</c>.</summary>
    void ImportState(object? state);
}
