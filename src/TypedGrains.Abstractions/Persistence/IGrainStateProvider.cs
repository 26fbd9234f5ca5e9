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
    /// <param name="grain">The grain whose state is read.</param>
    /// <param name="codec">Decodes stored bytes into the grain's state type.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default);

    /// <summary>
    /// Writes <paramref name="state"/> if the stored ETag equals <paramref name="expectedETag"/> (0 to insert) and
    /// returns the new ETag.
    /// </summary>
    /// <exception cref="ETagConflictException">The stored ETag differs from <paramref name="expectedETag"/>.</exception>
    /// <param name="grain">The grain whose state is written.</param>
    /// <param name="state">The state value (immutable by convention).</param>
    /// <param name="codec">Encodes the state as bytes, for providers that store bytes.</param>
    /// <param name="expectedETag">The ETag the writer last saw; 0 when it saw nothing stored.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default);

    /// <summary>Removes the stored state if its ETag equals <paramref name="expectedETag"/>.</summary>
    /// <exception cref="ETagConflictException">The stored ETag differs from <paramref name="expectedETag"/>.</exception>
    ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default);
}
