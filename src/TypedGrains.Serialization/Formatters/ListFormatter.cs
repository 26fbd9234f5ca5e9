using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes a <see cref="List{T}"/> as a MessagePack array, and <see langword="null"/> as nil.</summary>
/// <typeparam name="T">The element type.</typeparam>
public sealed class ListFormatter<T> : IMessagePackFormatter<List<T>?>
{
    private readonly IMessagePackFormatter<T> _element;

    /// <summary>Creates the formatter over the formatter of the elements.</summary>
    /// <param name="element">The formatter of <typeparamref name="T"/>.</param>
    public ListFormatter(IMessagePackFormatter<T> element)
    {
        ArgumentNullException.ThrowIfNull(element);
        _element = element;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, List<T>? value)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        ReadOnlySpan<T> items = CollectionsMarshal.AsSpan(value);
        writer.WriteArrayHeader(items.Length);
        writer.IncreaseDepth();
        foreach (T item in items)
        {
            _element.Serialize(ref writer, item);
        }

        writer.DecreaseDepth();
    }

    /// <inheritdoc />
    public List<T>? Deserialize(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        int count = reader.ReadArrayHeader();
        reader.IncreaseDepth();
        var items = new List<T>(CollectionCapacity.Of<T>(count, reader.Remaining));
        for (int i = 0; i < count; i++)
        {
            items.Add(_element.Deserialize(ref reader));
        }

        reader.DecreaseDepth();
        return items;
    }
}
