using System;
using System.Buffers;

namespace TypedGrains.Serialization;

/// <summary>Runs a formatter over a whole buffer: one value in, one value out.</summary>
public static class MessagePackSerializer
{
    /// <summary>Writes one value to an output.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="output">Where the bytes go.</param>
    /// <param name="value">The value.</param>
    /// <param name="formatter">The formatter of <typeparamref name="T"/>.</param>
    public static void Serialize<T>(IBufferWriter<byte> output, T value, IMessagePackFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        MessagePackWriter writer = new(output);
        formatter.Serialize(ref writer, value);
        writer.Flush();
    }

    /// <summary>Writes one value to a new array.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="value">The value.</param>
    /// <param name="formatter">The formatter of <typeparamref name="T"/>.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Serialize<T>(T value, IMessagePackFormatter<T> formatter)
    {
        ArrayBufferWriter<byte> output = new();
        Serialize(output, value, formatter);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Reads one value that must take up the whole input.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="data">The bytes.</param>
    /// <param name="formatter">The formatter of <typeparamref name="T"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MessagePackSerializationException">The input is invalid, or bytes follow the value.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> data, IMessagePackFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        MessagePackReader reader = new(data);
        return DeserializeWhole(ref reader, formatter);
    }

    /// <summary>Reads one value that must take up the whole input.</summary>
    /// <typeparam name="T">The type of the value.</typeparam>
    /// <param name="data">The bytes.</param>
    /// <param name="formatter">The formatter of <typeparamref name="T"/>.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MessagePackSerializationException">The input is invalid, or bytes follow the value.</exception>
    public static T Deserialize<T>(in ReadOnlySequence<byte> data, IMessagePackFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        MessagePackReader reader = new(data);
        return DeserializeWhole(ref reader, formatter);
    }

    private static T DeserializeWhole<T>(ref MessagePackReader reader, IMessagePackFormatter<T> formatter)
    {
        T value = formatter.Deserialize(ref reader);
        if (!reader.End)
        {
            throw new MessagePackSerializationException(
                $"{reader.Remaining} byte(s) follow the value, which ends at offset {reader.Consumed}.",
                reader.Consumed);
        }

        return value;
    }
}
