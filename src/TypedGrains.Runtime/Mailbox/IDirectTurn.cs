using System.Threading.Tasks;

namespace TypedGrains.Runtime;

/// <summary>
/// A call run directly by its caller (see <see cref="Mailbox{TGrain}.TryRunDirect"/>): a struct holding the request
/// and, once run, the caller's reply, so the mailbox's direct path is one piece of code for every kind of call.
/// </summary>
internal interface IDirectTurn<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    /// <summary>Runs the turn on <paramref name="activation"/>; returns what the mailbox must wait for before its next message.</summary>
    ValueTask Run(Activation<TGrain> activation);
}

/// <summary>A call with a reply, run directly.</summary>
internal struct DirectCall<TGrain, TRequest, TReply> : IDirectTurn<TGrain>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain, TReply>
{
    public TRequest Request;

    public ValueTask<TReply> Reply;

    public ValueTask Run(Activation<TGrain> activation) => activation.RunDirectCall(in Request, out Reply);
}

/// <summary>A call without a reply value, run directly.</summary>
internal struct DirectVoidCall<TGrain, TRequest> : IDirectTurn<TGrain>
    where TGrain : Grain, IGrain<TGrain>
    where TRequest : struct, IGrainRequest<TGrain>
{
    public TRequest Request;

    public ValueTask Done;

    public ValueTask Run(Activation<TGrain> activation) => activation.RunDirectVoidCall(in Request, out Done);
}
