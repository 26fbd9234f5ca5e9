using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Runtime;

/// <summary>
/// Keeps grain states in process memory under the ETag compare-and-set of <see cref="IGrainStateProvider"/>.
/// States are stored by reference, so they must be immutable (as grain states are meant to be); the codec is not used.
/// </summary>
public sealed class MemoryGrainStateProvider : IGrainStateProvider
{
    private readonly ConcurrentDictionary<GrainId, StoredState> _states = new();

    /// <summary>The number of grains with a stored state.</summary>
    public int Count => _states.Count;

    /// <inheritdoc/>
    public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new ValueTask<StoredState?>(_states.TryGetValue(grain, out var stored) ? stored : null);
    }

    /// <inheritdoc/>
    public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (_states.TryGetValue(grain, out var current))
            {
                if (current.ETag != expectedETag)
                {
                    throw new ETagConflictException(grain, expectedETag, current.ETag);
                }

                var next = new StoredState(state, current.ETag + 1);
                if (_states.TryUpdate(grain, next, current))
                {
                    return new ValueTask<long>(next.ETag);
                }
            }
            else
            {
                if (expectedETag != 0)
                {
                    throw new ETagConflictException(grain, expectedETag, 0);
                }

                if (_states.TryAdd(grain, new StoredState(state, 1)))
                {
                    return new ValueTask<long>(1);
                }
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>A cleared grain keeps a tombstone with a larger ETag, so ETags stay monotonic across a clear.</remarks>
    public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            if (!_states.TryGetValue(grain, out var current))
            {
                if (expectedETag != 0)
                {
                    throw new ETagConflictException(grain, expectedETag, 0);
                }

                return default;
            }

            if (current.ETag != expectedETag)
            {
                throw new ETagConflictException(grain, expectedETag, current.ETag);
            }

            if (_states.TryUpdate(grain, new StoredState(null, current.ETag + 1), current))
            {
                return default;
            }
        }
    }
}
