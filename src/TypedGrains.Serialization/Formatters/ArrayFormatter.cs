using System;
using System.Collections.Generic;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes a one-dimensional array as a MessagePack array, and <see langword="null"/> as nil.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ArrayFormatter<T> : IMessagePackFormatter<T[]?>
{
    private readonly IMessagePackFormatter<T> _element;

    /// <summary>Creates the formatter over the formatter of the elements.</summary>
    /// <param name="element">The formatter of <typeparamref name="T"/>.</param>
    public ArrayFormatter(IMessagePackFormatter<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _element = element;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, T[]? value)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(value.Length);
        writer.IncreaseDepth();
        foreach (T item in value)
        {
            _element.Serialize(ref writer, item);
        }

        writer.DecreaseDepth();
    }

    /// <inheritdoc />
    public T[]? Deserialize(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        int count = reader.ReadArrayHeader();
        reader.IncreaseDepth();
        T[] items;
        if (count <= CollectionCapacity.Of<T>(count, reader.Remaining))
        {
            items = new T[count];
            for (int i = 0; i < items.Length; i++)
            {
                items[i] = _element.Deserialize(ref reader);
            }
        }
        else
        {
            // More elements claimed than their memory would fit in the input left: grow with the elements read.
            var read = new List<T>(CollectionCapacity.Of<T>(count, reader.Remaining));
            for (int i = 0; i < count; i++)
            {
                read.Add(_element.Deserialize(ref reader));
            }

            items = read.ToArray();
        }

        reader.DecreaseDepth();
        return items;
    }
}
