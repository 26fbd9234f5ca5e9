using System;
using System.Collections.Immutable;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes an <see cref="ImmutableList{T}"/> as a MessagePack array, and <see langword="null"/> as nil.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ImmutableListFormatter<T> : IMessagePackFormatter<ImmutableList<T>?>
{
    private readonly IMessagePackFormatter<T> _element;

    /// <summary>Creates the formatter over the formatter of the elements.</summary>
    /// <param name="element">The formatter of <typeparamref name="T"/>.</param>
    public ImmutableListFormatter(IMessagePackFormatter<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _element = element;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, ImmutableList<T>? value)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(value.Count);
        writer.IncreaseDepth();
        foreach (T item in value)
        {
            _element.Serialize(ref writer, item);
        }

        writer.DecreaseDepth();
    }

    /// <inheritdoc />
    public ImmutableList<T>? Deserialize(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        int count = reader.ReadArrayHeader();
        reader.IncreaseDepth();
        ImmutableList<T>.Builder items = ImmutableList.CreateBuilder<T>();
        for (int i = 0; i < count; i++)
        {
            items.Add(_element.Deserialize(ref reader));
        }

        reader.DecreaseDepth();
        return items.ToImmutable();
    }
}
