using System;
using System.Buffers;
using TypedGrains.Serialization;

namespace TypedGrains.Messaging;

/// <summary>Writes generated request structs as the payload <see cref="MessagePackArgumentReader"/> reads.</summary>
public static class MessagePackRequests
{
    /// <summary>Writes <paramref name="request"/> with its generated formatter: an array of its arguments.</summary>
    /// <typeparam name="TRequest">The generated request struct.</typeparam>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="request">The request.</param>
    /// <exception cref="NotSupportedException">The request type has no registered formatter.</exception>
    public static void Write<TRequest>(IBufferWriter<byte> output, in TRequest request)
        where TRequest : struct, IGrainMessage
    {
        ArgumentNullException.ThrowIfNull(output);
        MessagePackSerializer.Serialize(output, request, MessagePackFormatters.Get<TRequest>());
    }
}
