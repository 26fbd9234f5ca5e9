using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TypedGrains.Serialization.Formatters;

/// <summary>
/// Writes an <see cref="ImmutableDictionary{TKey, TValue}"/> as a MessagePack map, and <see langword="null"/> as nil.
/// Reading rejects nil and duplicate keys.
/// </summary>
/// <typeparam name="TKey">The key type.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ImmutableDictionaryFormatter<TKey, TValue> : IMessagePackFormatter<ImmutableDictionary<TKey, TValue>?>
    where TKey : notnull
{
    private readonly IMessagePackFormatter<TKey> _key;
    private readonly IMessagePackFormatter<TValue> _value;

    /// <summary>Creates the formatter over the formatters of the keys and values.</summary>
    /// <param name="key">The formatter of <typeparamref name="TKey"/>.</param>
    /// <param name="value">The formatter of <typeparamref name="TValue"/>.</param>
    public ImmutableDictionaryFormatter(IMessagePackFormatter<TKey> key, IMessagePackFormatter<TValue> value)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        _key = key;
        _value = value;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, ImmutableDictionary<TKey, TValue>? value)
    {
        if (value is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteMapHeader(value.Count);
        writer.IncreaseDepth();
        foreach (KeyValuePair<TKey, TValue> pair in value)
        {
            _key.Serialize(ref writer, pair.Key);
            _value.Serialize(ref writer, pair.Value);
        }

        writer.DecreaseDepth();
    }

    /// <inheritdoc />
    public ImmutableDictionary<TKey, TValue>? Deserialize(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        int count = reader.ReadMapHeader();
        reader.IncreaseDepth();
        ImmutableDictionary<TKey, TValue>.Builder items = ImmutableDictionary.CreateBuilder<TKey, TValue>();
        for (int i = 0; i < count; i++)
        {
            long offset = reader.Consumed;
            TKey key = MapKeys.Read(ref reader, _key, offset);
            if (!items.TryAdd(key, _value.Deserialize(ref reader)))
            {
                throw MapKeys.Duplicate(offset);
            }
        }

        reader.DecreaseDepth();
        return items.ToImmutable();
    }
}
