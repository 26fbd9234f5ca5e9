using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Serialization;

namespace TypedGrains.Backend;

/// <summary>
/// Sends a request rebuilt by a generated dispatcher through a runtime's typed methods and writes its reply with the
/// reply type's formatter (no boxing); a call without a value and a cast write nil. The formatter is looked up before
/// the request is sent, so a reply that cannot be written never runs its handler.
/// </summary>
internal struct ReplyWritingVisitor<TGrain> : IRequestVisitor<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly IGrainRuntime _runtime;
    private readonly GrainId _grain;
    private readonly IBufferWriter<byte> _reply;
    private readonly CancellationToken _cancellationToken;

    public ReplyWritingVisitor(IGrainRuntime runtime, GrainId grain, IBufferWriter<byte> reply, CancellationToken cancellationToken)
    {
        _runtime = runtime;
        _grain = grain;
        _reply = reply;
        _cancellationToken = cancellationToken;
        Completion = default;
    }

    /// <summary>Completes when the reply is written.</summary>
    public ValueTask Completion { get; private set; }

    public void Call<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain, TReply>
    {
        IMessagePackFormatter<TReply> formatter = MessagePackFormatters.Get<TReply>();
        Completion = WriteAsync(_runtime.CallAsync<TGrain, TRequest, TReply>(_grain, request, _cancellationToken), formatter, _reply);
    }

    public void CallVoid<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain> =>
        Completion = WriteNilAsync(_runtime.CallAsync<TGrain, TRequest>(_grain, request, _cancellationToken), _reply);

    public void CallDeferred<TRequest, TReply>(in TRequest request)
        where TRequest : struct, IDeferredGrainRequest<TGrain, TReply>
    {
        IMessagePackFormatter<TReply> formatter = MessagePackFormatters.Get<TReply>();
        Completion = WriteAsync(_runtime.CallDeferredAsync<TGrain, TRequest, TReply>(_grain, request, _cancellationToken), formatter, _reply);
    }

    public void Cast<TRequest>(in TRequest request)
        where TRequest : struct, IGrainRequest<TGrain>
    {
        _runtime.Cast<TGrain, TRequest>(_grain, request);
        WriteNil(_reply);
        Completion = default;
    }

    private static ValueTask WriteAsync<TReply>(ValueTask<TReply> pending, IMessagePackFormatter<TReply> formatter, IBufferWriter<byte> reply)
    {
        if (pending.IsCompletedSuccessfully)
        {
            MessagePackSerializer.Serialize(reply, pending.Result, formatter);
            return default;
        }

        return AwaitAndWriteAsync(pending, formatter, reply);
    }

    private static async ValueTask AwaitAndWriteAsync<TReply>(ValueTask<TReply> pending, IMessagePackFormatter<TReply> formatter, IBufferWriter<byte> reply)
    {
        TReply value = await pending.ConfigureAwait(false);
        MessagePackSerializer.Serialize(reply, value, formatter);
    }

    private static ValueTask WriteNilAsync(ValueTask pending, IBufferWriter<byte> reply)
    {
        if (pending.IsCompletedSuccessfully)
        {
            pending.GetAwaiter().GetResult();
            WriteNil(reply);
            return default;
        }

        return AwaitAndWriteNilAsync(pending, reply);
    }

    private static async ValueTask AwaitAndWriteNilAsync(ValueTask pending, IBufferWriter<byte> reply)
    {
        await pending.ConfigureAwait(false);
        WriteNil(reply);
    }

    private static void WriteNil(IBufferWriter<byte> reply)
    {
        var writer = new MessagePackWriter(reply);
        writer.WriteNil();
        writer.Flush();
    }
}
