using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains;

/// <summary>
/// The runtime contract generated references call. The in-process runtime delivers the typed request to the
/// activation's mailbox without serializing it; a cluster runtime serializes it for the silo that hosts the grain.
/// </summary>
public interface IGrainRuntime
{
    /// <summary>Sends a call and returns its reply.</summary>
    /// <param name="grain">The grain called.</param>
    /// <param name="request">The request message.</param>
    /// <param name="cancellationToken">Stops waiting for the reply; a cancelled call's outcome is unknown (its turn may still run).</param>
    ValueTask<TReply> CallAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain, TReply>;

    /// <summary>Sends a call without a reply value and completes when the handler's turn has committed.</summary>
    /// <param name="grain">The grain called.</param>
    /// <param name="request">The request message.</param>
    /// <param name="cancellationToken">Stops waiting for the commit; a cancelled call's outcome is unknown (its turn may still run).</param>
    ValueTask CallAsync<TGrain, TRequest>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>;

    /// <summary>Sends a call whose handler answers later through a <see cref="Caller{TReply}"/>.</summary>
    /// <param name="grain">The grain called.</param>
    /// <param name="request">The request message.</param>
    /// <param name="cancellationToken">Stops waiting for the reply; a cancelled call's outcome is unknown (its turn may still run).</param>
    ValueTask<TReply> CallDeferredAsync<TGrain, TRequest, TReply>(GrainId grain, in TRequest request, CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>;

    /// <summary>Enqueues a one-way message; never waits and never reports the handler's outcome.</summary>
    void Cast<TGrain, TRequest>(GrainId grain, in TRequest request)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainRequest<TGrain>;
}
