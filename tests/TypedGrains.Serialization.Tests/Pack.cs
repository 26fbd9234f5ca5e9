using System;
using System.Buffers;

namespace TypedGrains.Serialization.Tests;

internal delegate void WriteAction(ref MessagePackWriter writer);

internal delegate void ReadAction(ref MessagePackReader reader);

/// <summary>Runs a writer into a fresh buffer and gives back the bytes.</summary>
internal static class Pack
{
    public static byte[] Write(WriteAction write)
    {
        ArrayBufferWriter<byte> output = new();
        MessagePackWriter writer = new(output);
        write(ref writer);
        writer.Flush();
        return output.WrittenSpan.ToArray();
    }

    public static string WriteHex(WriteAction write) => Hex.Of(Write(write));

    /// <summary>Reads with <paramref name="read"/> and checks the whole input was consumed.</summary>
    public static void ReadAll(ReadOnlySpan<byte> data, ReadAction read)
    {
        MessagePackReader reader = new(data);
        read(ref reader);
        if (!reader.End)
        {
            throw new InvalidOperationException($"{reader.Remaining} byte(s) left unread.");
        }
    }
}
