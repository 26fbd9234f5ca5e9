using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;
using TypedGrains.Runtime;

namespace TypedGrains.Orleans.Tests.Support;

/// <summary>
/// The in-memory provider every runtime of a test shares (as a shared database would be), which can refuse the next
/// write of a grain.
/// </summary>
public sealed class FaultyStateProvider : IGrainStateProvider
{
    /// <summary>The message of a refused write.</summary>
    public const string Refusal = "write refused on purpose";

    private readonly MemoryGrainStateProvider _inner = new();
    private readonly ConcurrentDictionary<GrainId, bool> _refuseNext = new();

    /// <summary>The next write of <paramref name="grain"/> throws, storing nothing.</summary>
    public void RefuseNextWrite(GrainId grain) => _refuseNext[grain] = true;

    /// <inheritdoc/>
    public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default) =>
        _inner.ReadAsync(grain, codec, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default) =>
        _refuseNext.TryRemove(grain, out _)
            ? ValueTask.FromException<long>(new InvalidOperationException(Refusal))
            : _inner.WriteAsync(grain, state, codec, expectedETag, cancellationToken);

    /// <inheritdoc/>
    public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
        _inner.ClearAsync(grain, expectedETag, cancellationToken);
}
