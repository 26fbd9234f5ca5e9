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

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_output;

    /// <summary>The reply of a call without a value (<c>[0, nil]</c>); shared, since no reader writes to reply bytes.</summary>
    public static byte[] Nil { get; } = Ok(true, NilFormatter.Instance);

    public static byte[] Ok<TReply>(TReply reply, IMessagePackFormatter<TReply> formatter)
    {
        // One buffer per thread: a reply is written whole before the next one starts on that thread.
        var output = t_output ??= new ArrayBufferWriter<byte>(256);
        output.ResetWrittenCount();
        var writer = new MessagePackWriter(output);
        writer.WriteArrayHeader(2);
        writer.WriteInt32(Success);
        formatter.Serialize(ref writer, reply);
        writer.Flush();
        var bytes = output.WrittenSpan.ToArray();
        if (output.Capacity > 64 * 1024)
        {
            t_output = null;
        }

        return bytes;
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
        var reader = new MessagePackReader(bytes) { Context = runtime };
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
