using System.Diagnostics;

namespace TypedGrains.Runtime;

/// <summary>
/// The names under which the runtime reports what it does: one <see cref="System.Diagnostics.Metrics.Meter"/> and one
/// <see cref="System.Diagnostics.ActivitySource"/>, both named <see cref="Name"/>, and the names of their instruments
/// and tags (docs/observability.md lists them with their units). Nothing is measured or traced unless a listener
/// (OpenTelemetry, a <c>MeterListener</c>, an <c>ActivityListener</c>) subscribes.
/// </summary>
public static class GrainInstrumentation
{
    /// <summary>The name of the meter and of the activity source: <c>TypedGrains</c>.</summary>
    public const string Name = "TypedGrains";

    /// <summary>Counter of calls sent, tagged by grain type (unit <c>{call}</c>).</summary>
    public const string Calls = "typedgrains.calls";

    /// <summary>Counter of casts sent, tagged by grain type (unit <c>{cast}</c>).</summary>
    public const string Casts = "typedgrains.casts";

    /// <summary>Counter of turns that rolled back (handler threw, save failed), tagged by grain type (unit <c>{turn}</c>).</summary>
    public const string FailedTurns = "typedgrains.turns.failed";

    /// <summary>Histogram of turn durations, from the turn's start to its commit or rollback, tagged by grain type (unit <c>s</c>).</summary>
    public const string TurnDuration = "typedgrains.turn.duration";

    /// <summary>Histogram of state provider latencies, tagged by grain type and <see cref="OperationTag"/> (unit <c>s</c>).</summary>
    public const string StorageDuration = "typedgrains.storage.duration";

    /// <summary>Observable up-down counter of live activations (unit <c>{activation}</c>).</summary>
    public const string ActiveActivations = "typedgrains.activations.active";

    /// <summary>
    /// Observable gauge of turn messages queued in mailboxes, summed over activations (unit <c>{message}</c>). A bounded
    /// mailbox (<see cref="InProcessRuntimeOptions.MaxMailboxLength"/>) always counts; an unbounded one counts the
    /// messages queued while someone observes this gauge.
    /// </summary>
    public const string MailboxLength = "typedgrains.mailbox.length";

    /// <summary>Observable gauge of activations whose mailbox holds at least one message (unit <c>{activation}</c>).</summary>
    public const string BusyMailboxes = "typedgrains.mailboxes.busy";

    /// <summary>Tag: the grain type name.</summary>
    public const string GrainTypeTag = "typedgrains.grain.type";

    /// <summary>Tag: the grain id (<c>type/key</c>), on spans only (unbounded cardinality).</summary>
    public const string GrainIdTag = "typedgrains.grain.id";

    /// <summary>Tag: the storage operation, <c>load</c>, <c>save</c> or <c>clear</c>.</summary>
    public const string OperationTag = "typedgrains.storage.operation";

    /// <summary>The activity source of call spans (caller side, <see cref="ActivityKind.Client"/>) and turn spans (grain side).</summary>
    public static ActivitySource Source { get; } = new(Name);
}
