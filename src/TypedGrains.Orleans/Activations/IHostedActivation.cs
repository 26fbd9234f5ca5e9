using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Orleans;

/// <summary>A TypedGrains activation inside an Orleans host grain, whatever its grain type.</summary>
internal interface IHostedActivation
{
    /// <summary>Runs a call and returns its wire reply (a handler's or storage failure included); synchronously when it can.</summary>
    ValueTask<byte[]> CallAsync(uint methodId, byte[] arguments);

    /// <summary>Runs a cast; a failure is reported.</summary>
    Task CastAsync(uint methodId, byte[] arguments);

    /// <summary>The Orleans activation ends: run the deactivation hook and fail the callers still owed a deferred reply.</summary>
    Task DeactivateAsync(CancellationToken cancellationToken);
}
