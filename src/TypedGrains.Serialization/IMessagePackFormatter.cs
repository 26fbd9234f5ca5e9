namespace TypedGrains.Serialization;

/// <summary>
/// Writes and reads values of one type as MessagePack. The source generator emits one for each grain state, handler
/// argument list and reply; this interface is the seam where another MessagePack implementation can be put in.
/// </summary>
/// <typeparam name="T">The type of the values.</typeparam>
public interface IMessagePackFormatter<T>
{
    /// <summary>Writes one value.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="value">The value.</param>
    void Serialize(ref MessagePackWriter writer, T value);

    /// <summary>Reads one value.</summary>
    /// <param name="reader">The reader.</param>
    /// <returns>The value.</returns>
    /// <exception cref="MessagePackSerializationException">The input is not a valid encoding of <typeparamref name="T"/>.</exception>
    T Deserialize(ref MessagePackReader reader);
}
