using System;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Backend;

/// <summary>
/// Runs the turns of one activation by the rules every backend shares: one turn at a time (the backend's mailbox
/// guarantees it), begin → invoke → commit, or roll back. Commit order: save the state with the loaded ETag, release
/// the turn's deferred replies, send the casts it made to other grains, send its casts to itself, and remember a
/// deactivation request. A handler that throws, or a turn that asks for a save it may not make, rolls back: the state
/// returns to its committed value and every action and deferred cast is dropped; the exception goes to the caller.
/// A failed save reaches the caller as a <see cref="Persistence.GrainStorageException"/> after
/// <see cref="ITurnHost.OnCommitFailed"/> told the backend to drop the activation.
/// </summary>
/// <remarks>
/// The backend calls <see cref="ActivateAsync"/> before the first turn, one <c>Run…</c> method per message, and
/// <see cref="DeactivateAsync"/> before it drops an activation that ends normally; it makes <see cref="Scope"/> current
/// while a turn runs, and checks <see cref="DeactivationRequested"/> after each turn. Members are not thread-safe:
/// the backend never runs two of them at once.
/// </remarks>
/// <typeparam name="TGrain">The grain type.</typeparam>
public sealed partial class TurnEngine<TGrain> : TurnScope
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly ITurnHost _host;
    private readonly bool _storesState;

    /// <summary>Creates the engine and the grain instance of one activation.</summary>
    /// <param name="host">The backend's side of the activation.</param>
    /// <param name="id">The grain id.</param>
    /// <param name="storesState">
    /// Whether the activation loads and saves state; <c>false</c> for a stateless worker, whose turns may not ask for a
    /// save (such a turn rolls back with an <see cref="InvalidOperationException"/>).
    /// </param>
    /// <param name="owner">The runtime that owns the activation (becomes <see cref="TurnScope.Owner"/>).</param>
    public TurnEngine(ITurnHost host, GrainId id, bool storesState, object owner)
        : base(owner)
    {
        ArgumentNullException.ThrowIfNull(host);
        _host = host;
        _storesState = storesState;
        Grain = host.Services is { } services ? TGrain.Definition.Create(services) : TGrain.Definition.Create();
        Lifecycle.Bind(id);
        Lifecycle.Attach(host.Grains);
    }

    /// <summary>The grain id.</summary>
    public GrainId Id => Grain.Id;

    /// <summary>The grain as the engine drives it (the same object as <see cref="Grain"/>; no field of its own).</summary>
    private IGrainLifecycle Lifecycle => Grain;

    /// <summary>The grain instance.</summary>
    public TGrain Grain { get; }

    /// <summary>The scope the backend makes current while a turn runs: the engine itself.</summary>
    public TurnScope Scope => this;

    /// <summary>Whether <see cref="ActivateAsync"/> completed.</summary>
    public bool IsActivated { get; private set; }

    /// <summary>Whether a committed turn asked to end the activation after it (<c>DeactivateAfterTurn()</c>).</summary>
    public bool DeactivationRequested { get; private set; }

    /// <summary>Runs a call handler as a turn; its reply is released once the turn committed.</summary>
    public ValueTask<TReply> RunCallAsync<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        BeginTurn();
        ValueTask<TReply> handler;
        try
        {
            handler = request.InvokeAsync(Grain);
        }
        catch (Exception error)
        {
            RollbackTurn();
            return ValueTask.FromException<TReply>(error);
        }

        if (!handler.IsCompletedSuccessfully)
        {
            return AwaitHandlerAsync(handler);
        }

        var reply = handler.Result;
        var commit = CommitTurn();
        return commit.IsCompletedSuccessfully ? new ValueTask<TReply>(reply) : AwaitCommitAsync(commit, reply);
    }

    /// <summary>Runs a handler without a reply value (a cast, or a call returning nothing) as a turn.</summary>
    public ValueTask RunAsync<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        BeginTurn();
        ValueTask handler;
        try
        {
            handler = request.InvokeAsync(Grain);
        }
        catch (Exception error)
        {
            RollbackTurn();
            return ValueTask.FromException(error);
        }

        return handler.IsCompletedSuccessfully ? CommitTurn() : AwaitHandlerAsync(handler);
    }

    /// <summary>Runs a deferred call's handler as a turn, handing it the token of the waiting <paramref name="caller"/>.</summary>
    public ValueTask RunDeferredAsync<TRequest, TReply>(in TRequest request, Caller<TReply> caller)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        BeginTurn();
        ValueTask handler;
        try
        {
            handler = request.InvokeAsync(Grain, caller);
        }
        catch (Exception error)
        {
            RollbackTurn();
            return ValueTask.FromException(error);
        }

        return handler.IsCompletedSuccessfully ? CommitTurn() : AwaitHandlerAsync(handler);
    }

    /// <summary>
    /// Loads the state (unless the activation stores none) and runs the grain's <c>OnActivateAsync</c> as the first
    /// turn. A failure leaves the engine unactivated; the backend drops the activation and fails the message.
    /// </summary>
    /// <exception cref="Persistence.GrainStorageException">The state could not be loaded.</exception>
    public ValueTask ActivateAsync(CancellationToken cancellationToken)
    {
        if (IsActivated)
        {
            return default;
        }

        // Synchronous all the way when storage answers synchronously (the in-memory provider, no state) and the hook
        // does nothing asynchronous: activating then costs no state machine.
        var load = _storesState ? LoadAsync() : default;
        if (!load.IsCompletedSuccessfully)
        {
            return ActivateAfterLoadAsync(load, cancellationToken);
        }

        var hook = RunHook(activating: true, cancellationToken);
        if (!hook.IsCompletedSuccessfully)
        {
            return ActivateAfterHookAsync(hook);
        }

        IsActivated = true;
        return default;
    }

    /// <summary>
    /// Runs the grain's <c>OnDeactivateAsync</c> as the last turn (its save completes before this returns). Does nothing
    /// for an activation that never activated. An exception from the hook or its save propagates after the rollback.
    /// </summary>
    public ValueTask DeactivateAsync(CancellationToken cancellationToken) =>
        IsActivated ? RunHook(activating: false, cancellationToken) : default;

    private async ValueTask ActivateAfterLoadAsync(ValueTask load, CancellationToken cancellationToken)
    {
        await load.ConfigureAwait(false);
        await RunHook(activating: true, cancellationToken).ConfigureAwait(false);
        IsActivated = true;
    }

    private async ValueTask ActivateAfterHookAsync(ValueTask hook)
    {
        await hook.ConfigureAwait(false);
        IsActivated = true;
    }

    private ValueTask RunHook(bool activating, CancellationToken cancellationToken)
    {
        BeginTurn();
        ValueTask hook;
        try
        {
            hook = activating ? Lifecycle.OnActivateAsync(cancellationToken) : Lifecycle.OnDeactivateAsync(cancellationToken);
        }
        catch (Exception error)
        {
            RollbackTurn();
            return ValueTask.FromException(error);
        }

        return hook.IsCompletedSuccessfully ? CommitTurn() : AwaitHandlerAsync(hook);
    }

    private void BeginTurn()
    {
        Lifecycle.BeginTurn();
        EnterTurn();
    }

    private void RollbackTurn()
    {
        DropDeferred();
        Lifecycle.RollbackTurn();
    }

    private async ValueTask<TReply> AwaitHandlerAsync<TReply>(ValueTask<TReply> handler)
    {
        TReply reply;
        try
        {
            reply = await handler.ConfigureAwait(false);
        }
        catch
        {
            RollbackTurn();
            throw;
        }

        await CommitTurn().ConfigureAwait(false);
        return reply;
    }

    private async ValueTask AwaitHandlerAsync(ValueTask handler)
    {
        try
        {
            await handler.ConfigureAwait(false);
        }
        catch
        {
            RollbackTurn();
            throw;
        }

        await CommitTurn().ConfigureAwait(false);
    }

    private static async ValueTask<TReply> AwaitCommitAsync<TReply>(ValueTask commit, TReply reply)
    {
        await commit.ConfigureAwait(false);
        return reply;
    }
}
