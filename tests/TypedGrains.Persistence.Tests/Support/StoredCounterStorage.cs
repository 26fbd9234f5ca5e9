using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>
/// Hands a provider to a runtime for the <see cref="Grains.StoredCounter"/> grain, encoding its state with
/// <see cref="StoredCounterCodec"/> in place of the grain definition's codec.
/// </summary>
public sealed class StoredCounterStorage : IGrainStateProvider
{
    private readonly IGrainStateProvider _inner;

    public StoredCounterStorage(IGrainStateProvider inner) => _inner = inner;

    public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(grain, StoredCounterCodec.Instance, cancellationToken);

    public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default) =>
        _inner.WriteAsync(grain, state, StoredCounterCodec.Instance, expectedETag, cancellationToken);

    public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
        _inner.ClearAsync(grain, expectedETag, cancellationToken);
}
