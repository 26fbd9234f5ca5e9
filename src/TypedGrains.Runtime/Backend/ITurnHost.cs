using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Backend;

/// <summary>
/// What a <see cref="TurnEngine{TGrain}"/> needs from the backend that hosts one activation: the runtime the grain
/// talks to, its state provider, and where the effects of a committed turn go. A backend implements it once per
/// activation (the in-process runtime's activation is its own host).
/// </summary>
public interface ITurnHost
{
    /// <summary>The runtime the grain's references (its <c>Grains</c> factory, references read from its state) send to.</summary>
    IGrainFactory Grains { get; }

    /// <summary>The services grains' constructors take (generated factory); <c>null</c>: grains are created with <c>new</c>.</summary>
    IServiceProvider? Services => null;

    /// <summary>The clock of storage timeouts.</summary>
    TimeProvider Time { get; }

    /// <summary>How long one load or save may take before it fails the turn; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> for no limit.</summary>
    TimeSpan StorageTimeout { get; }

    /// <summary>Signalled when the backend stops and gives up waiting; state providers receive it.</summary>
    System.Threading.CancellationToken StopToken { get; }

    /// <summary>The state provider named <paramref name="name"/> (<c>null</c>: the default provider).</summary>
    /// <remarks>
    /// The answer must depend only on the name and the backend's runtime: the engine asks once per grain type and
    /// runtime (<see cref="TurnScope.Owner"/>) and every later activation of that type reuses it. A refusal is not
    /// kept: the next activation asks again.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No provider of that name is registered.</exception>
    IGrainStateProvider ResolveProvider(string? name);

    /// <summary>Releases a deferred reply of a committed turn to its caller, wherever that caller waits.</summary>
    void Reply(DeferredReply reply);

    /// <summary>Sends a cast-to-self of a committed turn. Never throws: a cast that cannot be sent is reported.</summary>
    void CastToSelf(SelfCast cast);

    /// <summary>
    /// Applies the timer starts and stops of a committed turn, in order, to this activation (after its casts to self).
    /// Never throws. Timers end with the activation.
    /// </summary>
    void ChangeTimers(IReadOnlyList<TimerChange> changes);

    /// <summary>
    /// Stores the reminder registrations and unregistrations of a committed turn, in order, after its save and before
    /// its replies. A failure fails the turn like a failed save (<see cref="OnCommitFailed"/> follows).
    /// </summary>
    ValueTask ChangeRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken);

    /// <summary>
    /// A turn's save failed (the error is about to reach its caller): the activation must end without running another
    /// turn, and the next message must load the last saved state again.
    /// </summary>
    void OnCommitFailed(Exception error);
}
