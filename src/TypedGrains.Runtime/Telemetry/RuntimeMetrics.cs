using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace TypedGrains.Runtime;

/// <summary>
/// The instruments of one runtime, on a meter named <see cref="GrainInstrumentation.Name"/> (from the options'
/// <see cref="IMeterFactory"/> when one is given, so a host's meters stay apart). Every recording is guarded by the
/// instrument's <c>Enabled</c>, so an unobserved runtime pays one field read per message. The observable instruments
/// are read only when a listener collects.
/// </summary>
internal sealed class RuntimeMetrics : IDisposable
{
    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    public RuntimeMetrics(IMeterFactory? factory, Func<int> activations, Func<(long Queued, int Busy)> mailboxes)
    {
        _ownsMeter = factory is null;
        _meter = factory is null ? new Meter(GrainInstrumentation.Name) : factory.Create(new MeterOptions(GrainInstrumentation.Name));
        Calls = _meter.CreateCounter<long>(GrainInstrumentation.Calls, "{call}", "Calls sent to grains.");
        Casts = _meter.CreateCounter<long>(GrainInstrumentation.Casts, "{cast}", "Casts (one-way messages) sent to grains.");
        FailedTurns = _meter.CreateCounter<long>(GrainInstrumentation.FailedTurns, "{turn}", "Turns that rolled back.");
        TurnDuration = _meter.CreateHistogram<double>(GrainInstrumentation.TurnDuration, "s", "Turn duration, from start to commit or rollback.");
        StorageDuration = _meter.CreateHistogram<double>(GrainInstrumentation.StorageDuration, "s", "State provider call duration.");
        _meter.CreateObservableUpDownCounter(GrainInstrumentation.ActiveActivations, () => (long)activations(), "{activation}", "Live activations.");
        _meter.CreateObservableGauge(GrainInstrumentation.BusyMailboxes, () => mailboxes().Busy, "{activation}", "Activations with queued messages.");
        MailboxLength = _meter.CreateObservableGauge(
            GrainInstrumentation.MailboxLength, () => mailboxes().Queued, "{message}", "Turn messages queued in mailboxes (counted while observed).");
    }

    public Meter Meter => _meter;

    /// <summary>The mailbox-length gauge: mailboxes count their messages while it is enabled.</summary>
    public ObservableGauge<long> MailboxLength { get; }

    public Counter<long> Calls { get; }

    public Counter<long> Casts { get; }

    public Counter<long> FailedTurns { get; }

    public Histogram<double> TurnDuration { get; }

    public Histogram<double> StorageDuration { get; }

    public static KeyValuePair<string, object?> TypeTag(GrainId grain) => new(GrainInstrumentation.GrainTypeTag, grain.Type);

    public static double Seconds(long startTimestamp) => Stopwatch.GetElapsedTime(startTimestamp).TotalSeconds;

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }
}
