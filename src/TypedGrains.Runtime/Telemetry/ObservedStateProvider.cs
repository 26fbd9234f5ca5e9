using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Runtime;

/// <summary>
/// Times the calls of one state provider into <see cref="GrainInstrumentation.StorageDuration"/>. While nobody listens
/// it passes each call straight through (no await, no allocation).
/// </summary>
internal sealed class ObservedStateProvider : IGrainStateProvider
{
    private readonly IGrainStateProvider _inner;
    private readonly RuntimeMetrics _metrics;

    public ObservedStateProvider(IGrainStateProvider inner, RuntimeMetrics metrics)
    {
        _inner = inner;
        _metrics = metrics;
    }

    public IGrainStateProvider Inner => _inner;

    public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default) =>
        _metrics.StorageDuration.Enabled
            ? TimeAsync(Stopwatch.GetTimestamp(), _inner.ReadAsync(grain, codec, cancellationToken), grain, "load")
            : _inner.ReadAsync(grain, codec, cancellationToken);

    public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default) =>
        _metrics.StorageDuration.Enabled
            ? TimeAsync(Stopwatch.GetTimestamp(), _inner.WriteAsync(grain, state, codec, expectedETag, cancellationToken), grain, "save")
            : _inner.WriteAsync(grain, state, codec, expectedETag, cancellationToken);

    public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
        _metrics.StorageDuration.Enabled
            ? TimeAsync(Stopwatch.GetTimestamp(), _inner.ClearAsync(grain, expectedETag, cancellationToken), grain, "clear")
            : _inner.ClearAsync(grain, expectedETag, cancellationToken);

    // The start is taken before the provider is called (arguments are evaluated left to right).
    private async ValueTask<T> TimeAsync<T>(long start, ValueTask<T> operation, GrainId grain, string name)
    {
        try
        {
            return await operation.ConfigureAwait(false);
        }
        finally
        {
            Record(start, grain, name);
        }
    }

    private async ValueTask TimeAsync(long start, ValueTask operation, GrainId grain, string name)
    {
        try
        {
            await operation.ConfigureAwait(false);
        }
        finally
        {
            Record(start, grain, name);
        }
    }

    private void Record(long start, GrainId grain, string name) =>
        _metrics.StorageDuration.Record(
            RuntimeMetrics.Seconds(start), RuntimeMetrics.TypeTag(grain), new(GrainInstrumentation.OperationTag, name));
}
