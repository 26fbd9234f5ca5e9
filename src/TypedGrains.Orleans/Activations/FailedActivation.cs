using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Orleans.Wire;

namespace TypedGrains.Orleans;

/// <summary>
/// Stands in for a grain whose type this silo cannot host (unknown, or two classes with its name): every call gets
/// the reason as its reply, so the caller reads it as a <see cref="RemoteGrainException"/> instead of an Orleans codec
/// error, and the host grain deactivates so that a later message looks again.
/// </summary>
internal sealed class FailedActivation : IHostedActivation
{
    private readonly OrleansGrainRuntime _runtime;
    private readonly GrainId _id;
    private readonly Exception _error;
    private readonly IGrainHostServices _host;

    public FailedActivation(OrleansGrainRuntime runtime, GrainId id, Exception error, IGrainHostServices host)
    {
        _runtime = runtime;
        _id = id;
        _error = error;
        _host = host;
    }

    public ValueTask<byte[]> CallAsync(uint methodId, byte[] arguments)
    {
        _host.Deactivate();
        return new ValueTask<byte[]>(WireReply.Error(_error));
    }

    public Task CastAsync(uint methodId, byte[] arguments)
    {
        _host.Deactivate();
        _runtime.ReportCastFailure(_id, _error);
        return Task.CompletedTask;
    }

    public Task DeactivateAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
