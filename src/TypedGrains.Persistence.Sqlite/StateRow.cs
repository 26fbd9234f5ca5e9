using System.Buffers;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>How a grain id and a state map onto the row of <c>grain_state</c>.</summary>
internal static class StateRow
{
    public static int KeyKind(GrainId grain) => (int)grain.Key.Kind;

    public static string Key(GrainId grain) => grain.Key.ToString();

    /// <summary>Encodes <paramref name="state"/> with the grain's codec.</summary>
    public static byte[] Encode(object? state, IStateCodec codec)
    {
        var buffer = new ArrayBufferWriter<byte>();
        codec.Write(state, buffer);
        return buffer.WrittenSpan.ToArray();
    }
}
