using System;
using System.Collections.Immutable;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes an <see cref="ImmutableArray{T}"/> as a MessagePack array, and a default (uninitialized) one as nil.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ImmutableArrayFormatter<T> : IMessagePackFormatter<ImmutableArray<T>>
{
    private readonly IMessagePackFormatter<T> _element;

    /// <summary>Creates the formatter over the formatter of the elements.</summary>
    /// <param name="element">The formatter of <typeparamref name="T"/>.</param>
    public ImmutableArrayFormatter(IMessagePackFormatter<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _element = element;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, ImmutableArray<T> value)
    {
        if (value.IsDefault)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(value.Length);
        writer.IncreaseDepth();
        foreach (T item in value.AsSpan())
        {
            _element.Serialize(ref writer, item);
        }

        writer.DecreaseDepth();
    }

    /// <inheritdoc />
    public ImmutableArray<T> Deserialize(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return default;
        }

        int count = reader.ReadArrayHeader();
        reader.IncreaseDepth();
        ImmutableArray<T>.Builder items = ImmutableArray.CreateBuilder<T>(CollectionCapacity.Of<T>(count, reader.Remaining));
        for (int i = 0; i < count; i++)
        {
            items.Add(_element.Deserialize(ref reader));
        }

        reader.DecreaseDepth();
        return items.DrainToImmutable();
    }
}
