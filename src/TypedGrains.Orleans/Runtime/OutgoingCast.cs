using System;
using System.Threading.Tasks;
using Orleans.Concurrency;
using TypedGrains.Backend;
using TypedGrains.Orleans.Wire;

namespace TypedGrains.Orleans;

/// <summary>A serialized cast on its way to a host grain; held by a turn's scope until the turn commits.</summary>
internal sealed class OutgoingCast : IOutgoingMessage
{
    private readonly OrleansGrainRuntime _runtime;
    private readonly GrainId _grain;
    private readonly IGrainHost _host;
    private readonly uint _methodId;
    private readonly string _method;
    private readonly byte[] _arguments;

    public OutgoingCast(OrleansGrainRuntime runtime, GrainId grain, IGrainHost host, uint methodId, string method, byte[] arguments)
    {
        _method = method;
        _runtime = runtime;
        _grain = grain;
        _host = host;
        _methodId = methodId;
        _arguments = arguments;
    }

    void IOutgoingMessage.Send()
    {
        try
        {
            Task sent;
            using (TraceContextHeader.AttachCurrent(_method))
            {
                sent = _host.Cast(_methodId, new Immutable<byte[]>(_arguments));
            }

            _ = Observe(sent);
        }
        catch (Exception error)
        {
            _runtime.ReportCastFailure(_grain, error);
        }
    }

    void IOutgoingMessage.Drop()
    {
    }

    private async Task Observe(Task sent)
    {
        try
        {
            await sent.ConfigureAwait(false);
        }
        catch (Exception error)
        {
            _runtime.ReportCastFailure(_grain, error);
        }
    }
}
