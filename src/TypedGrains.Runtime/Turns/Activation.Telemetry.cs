using System;
using System.Collections;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// The observed turn: taken only while someone listens (see <see cref="InProcessRuntime.ObservesTurns"/>), it runs the
/// message inside the grain's log scope and its turn span, and records the turn's duration.
/// </summary>
internal sealed partial class Activation<TGrain>
{
    public override long QueuedMessages => Mailbox.Length;

    public override bool IsMailboxEmpty => Mailbox.IsEmpty;

    private async ValueTask RunObservedAsync(Envelope<TGrain> envelope)
    {
        // Read before the turn: the envelope may be recycled once it has run.
        var parent = envelope.TraceParent?.Value ?? default;
        envelope.TraceParent = null;
        var method = envelope.Method ?? "turn";
        var isCall = envelope.SenderWaits;
        using var scope = _runtime.LogScopes ? _runtime.Log.BeginScope(Extras.LogScope ??= new GrainLogScope(Id)) : null;
        using var activity = GrainInstrumentation.Source.HasListeners() ? CallTracing.StartTurn(Id, method, parent, isCall) : null;
        var start = Stopwatch.GetTimestamp();
        if (_extras is { } extras)
        {
            extras.TurnError = null;
        }

        await RunTurn(envelope).ConfigureAwait(false);
        var duration = _runtime.Metrics.TurnDuration;
        if (duration.Enabled)
        {
            duration.Record(RuntimeMetrics.Seconds(start), RuntimeMetrics.TypeTag(Id));
        }

        if (_extras?.TurnError is { } error)
        {
            _extras.TurnError = null;
            CallTracing.Failed(activity, error);
        }
    }

    /// <summary>A turn rolled back (its handler threw, its save failed): counted, logged, and marked on the turn's span.</summary>
    private void OnTurnFailed(Exception error, string method)
    {
        Extras.TurnError = error;
        var failed = _runtime.Metrics.FailedTurns;
        if (failed.Enabled)
        {
            failed.Add(1, RuntimeMetrics.TypeTag(Id));
        }

        if (error is GrainStorageException { Operation: GrainStorageOperation.Save })
        {
            RuntimeLog.SaveFailed(_runtime.Log, Id, error);
        }
        else
        {
            RuntimeLog.TurnFailed(_runtime.Log, Id, method, error);
        }
    }

    private void OnActivated() => RuntimeLog.Activated(_runtime.Log, Id);

    private void OnActivationFailed(Exception error)
    {
        Extras.TurnError = error;
        var failed = _runtime.Metrics.FailedTurns;
        if (failed.Enabled)
        {
            failed.Add(1, RuntimeMetrics.TypeTag(Id));
        }

        RuntimeLog.ActivationFailed(_runtime.Log, Id, error);
    }

    /// <summary>The state of the log scope around a turn: the grain id and type, as structured values.</summary>
    internal sealed class GrainLogScope : IReadOnlyList<KeyValuePair<string, object?>>
    {
        private readonly KeyValuePair<string, object?>[] _values;
        private readonly string _text;

        public GrainLogScope(GrainId id)
        {
            _text = "GrainId:" + id;
            _values = [new("GrainId", id.ToString()), new("GrainType", id.Type)];
        }

        public int Count => _values.Length;

        public KeyValuePair<string, object?> this[int index] => _values[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => ((IEnumerable<KeyValuePair<string, object?>>)_values).GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => _text;
    }
}
