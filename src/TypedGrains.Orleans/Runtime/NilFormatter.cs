using TypedGrains.Serialization;

namespace TypedGrains.Orleans;

/// <summary>The "reply" of a call without a value: a nil.</summary>
internal sealed class NilFormatter : IMessagePackFormatter<bool>
{
    public static readonly NilFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, bool value) => writer.WriteNil();

    public bool Deserialize(ref MessagePackReader reader)
    {
        reader.ReadNil();
        return true;
    }
}
