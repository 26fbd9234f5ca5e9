using TypedGrains.Serialization;

namespace TypedGrains.Messaging;

/// <summary>Writes a <see cref="Caller{TReply}"/> as the integer value of its <see cref="CallerId"/>.</summary>
/// <typeparam name="TReply">The reply type of the caller.</typeparam>
public sealed class CallerFormatter<TReply> : IMessagePackFormatter<Caller<TReply>>
{
    /// <summary>The one instance.</summary>
    public static readonly CallerFormatter<TReply> Instance = new();

    private CallerFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, Caller<TReply> value) => writer.WriteInt64(value.Id.Value);

    /// <inheritdoc />
    public Caller<TReply> Deserialize(ref MessagePackReader reader) => new(new CallerId(reader.ReadInt64()));
}
