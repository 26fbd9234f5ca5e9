using System;
using System.Buffers;
using TypedGrains.Serialization;

namespace TypedGrains.Orleans.Wire;

/// <summary>
/// The bytes a host grain answers a call with: a MessagePack array <c>[0, reply]</c> where <c>reply</c> is the reply
/// value as its formatter writes it, or <c>[1, type name, message, stack trace]</c> when the turn failed. Orleans only
/// carries exceptions of its own and the framework's, so a handler's exception travels as data and is rebuilt by
/// <see cref="RemoteExceptions"/> on the caller's side.
/// </summary>
internal static class WireReply
{
    private const int Success = 0;
    private const int Failure = 1;

    public static byte[] Ok<TReply>(TReply reply, IMessagePackFormatter<TReply> formatter)
    {
        var output = new ArrayBufferWriter<byte>(32);
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(2);
        writer.WriteInt32(Success);
        formatter.Serialize(ref writer, reply);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    public static byte[] Error(Exception error)
    {
        var output = new ArrayBufferWriter<byte>(256);
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(4);
        writer.WriteInt32(Failure);
        writer.WriteString(error.GetType().FullName ?? error.GetType().Name);
        writer.WriteString(error.Message);
        writer.WriteString(error.StackTrace ?? string.Empty);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads a reply: the value, or throws the failure it carries.</summary>
    /// <exception cref="MessagePackSerializationException">The bytes are not a reply.</exception>
    public static TReply Read<TReply>(byte[] bytes, IMessagePackFormatter<TReply> formatter, IGrainRuntime runtime, GrainId grain)
    {
        var reader = new MessagePackReader(new ReadOnlySequence<byte>(bytes)) { Context = runtime };
        var count = reader.ReadArrayHeader();
        var status = reader.ReadInt32();
        if (status == Success && count == 2)
        {
            return formatter.Deserialize(ref reader);
        }

        if (status == Failure && count == 4)
        {
            var type = reader.ReadString() ?? "System.Exception";
            var message = reader.ReadString() ?? string.Empty;
            var stack = reader.ReadString() ?? string.Empty;
            throw RemoteExceptions.Rebuild(grain, type, message, stack);
        }

        throw new MessagePackSerializationException($"The reply from grain '{grain}' is not a TypedGrains reply (status {status}, {count} items).");
    }
}
