using System;
using System.Collections.Generic;

namespace TypedGrains;

/// <summary>
/// The actions a grain asked for during the current turn: save-state, deactivate-after-turn, deferred replies,
/// casts to itself, timer starts and stops, reminder registrations and unregistrations. The runtime applies them together when the turn returns and drops them when it throws;
/// a unit test reads them after calling a handler directly.
/// </summary>
public sealed class GrainActions
{
    private List<DeferredReply>? _replies;
    private List<SelfCast>? _selfCasts;
    private List<TimerChange>? _timers;
    private List<ReminderChange>? _reminders;

    /// <summary><c>true</c> when the turn asked for its state to be saved.</summary>
    public bool SaveStateRequested { get; private set; }

    /// <summary><c>true</c> when the turn asked for the activation to end after it.</summary>
    public bool DeactivateRequested { get; private set; }

    /// <summary>Deferred replies released when the turn commits, in the order they were made.</summary>
    public IReadOnlyList<DeferredReply> Replies => (IReadOnlyList<DeferredReply>?)_replies ?? Array.Empty<DeferredReply>();

    /// <summary>Casts to the grain itself, enqueued when the turn commits, in the order they were made.</summary>
    public IReadOnlyList<SelfCast> SelfCasts => (IReadOnlyList<SelfCast>?)_selfCasts ?? Array.Empty<SelfCast>();

    /// <summary>Timer starts and stops, applied when the turn commits, in the order they were made.</summary>
    public IReadOnlyList<TimerChange> Timers => (IReadOnlyList<TimerChange>?)_timers ?? Array.Empty<TimerChange>();

    /// <summary>Reminder registrations and unregistrations, stored when the turn commits, in the order they were made.</summary>
    public IReadOnlyList<ReminderChange> Reminders => (IReadOnlyList<ReminderChange>?)_reminders ?? Array.Empty<ReminderChange>();

    /// <summary><c>true</c> when the turn asked for no action at all.</summary>
    public bool IsEmpty => !SaveStateRequested && !DeactivateRequested
        && (_replies is null || _replies.Count == 0) && (_selfCasts is null || _selfCasts.Count == 0)
        && (_timers is null || _timers.Count == 0) && (_reminders is null || _reminders.Count == 0);

    /// <summary>Forgets every action (the runtime calls this at the start of each turn and on rollback).</summary>
    public void Clear()
    {
        SaveStateRequested = false;
        DeactivateRequested = false;
        _replies?.Clear();
        _selfCasts?.Clear();
        _timers?.Clear();
        _reminders?.Clear();
    }

    internal void RequestSave() => SaveStateRequested = true;

    internal void RequestDeactivation() => DeactivateRequested = true;

    internal void AddReply(DeferredReply reply) => (_replies ??= new List<DeferredReply>()).Add(reply);

    internal void AddSelfCast(SelfCast cast) => (_selfCasts ??= new List<SelfCast>()).Add(cast);

    internal void AddTimer(TimerChange change) => (_timers ??= new List<TimerChange>()).Add(change);

    internal void AddReminder(ReminderChange change) => (_reminders ??= new List<ReminderChange>()).Add(change);
}
