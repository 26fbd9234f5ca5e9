namespace TypedGrains;

/// <summary>
/// Base class of a grain with state of type <typeparamref name="TState"/>. State is replaced, never mutated
/// (<c>State = State with { ... }</c>), so that a turn that throws can be rolled back.
/// </summary>
/// <typeparam name="TState">The state type, ideally an immutable record.</typeparam>
public abstract class Grain<TState> : Grain
{
    private TState _state;
    private TState _committed;

    /// <summary>Creates the grain with <see cref="InitialState"/>.</summary>
    protected Grain()
    {
        _state = InitialState;
        _committed = _state;
    }

    /// <summary>
    /// The current state. Handlers replace it; a unit test may set it before calling a handler.
    /// </summary>
    public TState State
    {
        get => _state;
        set => _state = value;
    }

    /// <summary>
    /// The state of a grain that has never been saved. The generator supplies <c>new TState()</c> when the state
    /// type can be created without arguments; override it to choose another value. It must not read instance fields.
    /// </summary>
    protected virtual TState InitialState => default!;

    private protected override void SnapshotState() => _committed = _state;

    private protected override void RestoreSnapshot() => _state = _committed;

    private protected override object? ExportState() => _state;

    private protected override void ImportState(object? state)
    {
        _state = state is null ? InitialState : (TState)state;
        _committed = _state;
    }
}
