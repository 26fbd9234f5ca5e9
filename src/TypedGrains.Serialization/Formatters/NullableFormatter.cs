using System;

namespace TypedGrains.Serialization.Formatters;

/// <summary>Writes a <see cref="Nullable{T}"/> as nil or as its value.</summary>
/// <typeparam name="T">The underlying value type.</typeparam>
public sealed class NullableFormatter<T> : IMessagePackFormatter<T?>
    where T : struct
{
    private readonly IMessagePackFormatter<T> _value;

    /// <summary>Creates the formatter over the formatter of the underlying type.</summary>
    /// <param name="value">The formatter of <typeparamref name="T"/>.</param>
    public NullableFormatter(IMessagePackFormatter<T> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, T? value)
    {
        if (value is { } present)
        {
            _value.Serialize(ref writer, present);
        }
        else
        {
            writer.WriteNil();
        }
    }

    /// <inheritdoc />
    public T? Deserialize(ref MessagePackReader reader) => reader.TryReadNil() ? null : _value.Deserialize(ref reader);
}
