using System;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Backend;

/// <summary>
/// The turn of one activation as code running inside it sees it. While a turn runs, <see cref="Current"/> is its scope
/// (it flows into the handler's awaits), and a runtime that is asked to send a cast hands it to
/// <see cref="TryDefer"/> instead: the <see cref="TurnEngine{TGrain}"/> sends deferred messages when the turn commits
/// and drops them when it rolls back. Calls are never deferred, since the handler needs their replies.
/// </summary>
/// <remarks>
/// A backend makes the scope current around every turn it runs: either with <see cref="Enter"/> (one async-local
/// write per turn), or, to pay nothing per turn, by restoring the execution context <see cref="CaptureContext"/> returned
/// before it runs a batch of turns. Members are called by the one flow that runs the activation's turns, never
/// concurrently. Every <see cref="TurnEngine{TGrain}"/> is the scope of its activation's turns (one object per
/// activation instead of two).
/// </remarks>
public abstract class TurnScope
{
    private static readonly AsyncLocal<TurnScope?> s_current = new();

    [ThreadStatic]
    private static TurnScope? t_current;
    private List<IOutgoingMessage>? _deferred;
    private bool _inTurn;

    /// <summary>Creates the scope of one activation.</summary>
    /// <param name="owner">The runtime that runs the activation (compared by reference by backends).</param>
    private protected TurnScope(object owner)
    {
        ArgumentNullException.ThrowIfNull(owner);
        Owner = owner;
    }

    /// <summary>The scope of the turn the calling code runs in, or <c>null</c> outside every turn.</summary>
    public static TurnScope? Current => t_current ?? s_current.Value;

    /// <summary>
    /// Makes <paramref name="scope"/> current on this thread alone (it does not flow into awaits) and returns the
    /// scope it replaces, which the caller puts back with the same method when the stretch ends. For grains whose code
    /// never awaits (<see cref="GrainDefinition.RunsSynchronously"/>); <c>null</c> leaves the flowing scope in charge.
    /// </summary>
    public static TurnScope? SwapThreadScope(TurnScope? scope)
    {
        var previous = t_current;
        t_current = scope;
        return previous;
    }

    /// <summary>The runtime that runs the activation.</summary>
    public object Owner { get; }

    /// <summary>Whether a turn is running now (between its start and its commit or rollback).</summary>
    public bool IsInTurn => _inTurn;

    /// <summary>Whether the running turn has deferred messages.</summary>
    public bool HasDeferred => _deferred is { Count: > 0 };

    /// <summary>
    /// Keeps <paramref name="message"/> until the running turn commits (then it is sent) or rolls back (then it is
    /// dropped); <c>false</c> when no turn is running, and the caller sends it at once.
    /// </summary>
    public bool TryDefer(IOutgoingMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_inTurn)
        {
            return false;
        }

        (_deferred ??= new List<IOutgoingMessage>()).Add(message);
        return true;
    }

    /// <summary>Makes this scope <see cref="Current"/> until the returned value is disposed.</summary>
    public Entered Enter()
    {
        var previous = s_current.Value;
        s_current.Value = this;
        return new Entered(previous);
    }

    /// <summary>
    /// An execution context in which this scope is <see cref="Current"/>, built from the calling thread's context;
    /// restoring it (<see cref="ExecutionContext.Restore"/>) enters the scope without allocating. The calling thread's
    /// context is left as it was.
    /// </summary>
    public ExecutionContext CaptureContext()
    {
        var saved = ExecutionContext.Capture();
        s_current.Value = this;
        var captured = ExecutionContext.Capture()
            ?? throw new InvalidOperationException("Execution context flow is suppressed on this thread; a turn scope cannot be captured.");
        if (saved is null)
        {
            s_current.Value = null;
        }
        else
        {
            ExecutionContext.Restore(saved);
        }

        return captured;
    }

    internal void EnterTurn() => _inTurn = true;

    internal void LeaveTurn() => _inTurn = false;

    /// <summary>Sends the deferred messages in the order they were made; each reports its own failure.</summary>
    internal void SendDeferred()
    {
        _inTurn = false;
        if (_deferred is not { Count: > 0 } deferred)
        {
            return;
        }

        for (var i = 0; i < deferred.Count; i++)
        {
            deferred[i].Send();
        }

        deferred.Clear();
    }

    /// <summary>Drops the deferred messages of a turn that did not commit.</summary>
    internal void DropDeferred()
    {
        _inTurn = false;
        if (_deferred is not { Count: > 0 } deferred)
        {
            return;
        }

        for (var i = 0; i < deferred.Count; i++)
        {
            deferred[i].Drop();
        }

        deferred.Clear();
    }

    /// <summary>Restores the scope that was current before <see cref="Enter"/>.</summary>
    public readonly struct Entered : IDisposable
    {
        private readonly TurnScope? _previous;

        internal Entered(TurnScope? previous) => _previous = previous;

        /// <inheritdoc/>
        public void Dispose() => s_current.Value = _previous;
    }
}
