using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Persistence;

/// <summary>
/// Stores grain states under an ETag compare-and-set. The ETag is a monotonic version: <c>0</c> means "never stored",
/// and every successful write returns a larger one.
/// </summary>
public interface IGrainStateProvider
{
    /// <summary>
    /// Reads the stored state of <paramref name="grain"/>, or <c>null</c> when it was never stored. A cleared state
    /// reads as a <see cref="StoredState"/> whose <see cref="StoredState.State"/> is <c>null</c>.
    /// </summary>
    ValueTask<StoredState?> ReadAsync(GrainId grain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="state"/> if the stored ETag equals <paramref name="expectedETag"/> (0 to insert) and
    /// returns the new ETag.
    /// </summary>
    /// <exception cref="ETagConflictException">The stored ETag differs from <paramref name="expectedETag"/>.</exception>
    ValueTask<long> WriteAsync(GrainId grain, object? state, long expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored state if its ETag equals <paramref name="expectedETag"/>.</summary>
    /// <exception cref="ETagConflictException">The stored ETag differs from <paramref name="expectedETag"/>.</exception>
    ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default);
}
