using System;
using System.Buffers;

namespace TypedGrains.Serialization.Tests.Generated;

/// <summary>Round trips through the registered (generated) formatters.</summary>
internal static class Formatted
{
    public static byte[] Bytes<T>(T value) => MessagePackSerializer.Serialize(value, MessagePackFormatters.Get<T>());

    public static T Read<T>(byte[] bytes, object? context = null)
    {
        var reader = new MessagePackReader(bytes) { Context = context };
        T value = MessagePackFormatters.Get<T>().Deserialize(ref reader);
        if (!reader.End)
        {
            throw new MessagePackSerializationException($"{reader.Remaining} byte(s) left unread.");
        }

        return value;
    }

    /// <summary>Writes, reads back, writes again: the bytes must be equal, and the value read is returned.</summary>
    public static T RoundTrip<T>(T value)
    {
        byte[] first = Bytes(value);
        T read = Read<T>(first);
        byte[] second = Bytes(read);
        Xunit.Assert.Equal(Convert.ToHexString(first), Convert.ToHexString(second));
        var sequenceReader = new MessagePackReader(Segments.SplitAt(first, first.Length / 2));
        T fromSequence = MessagePackFormatters.Get<T>().Deserialize(ref sequenceReader);
        Xunit.Assert.Equal(Convert.ToHexString(first), Convert.ToHexString(Bytes(fromSequence)));
        return read;
    }
}
