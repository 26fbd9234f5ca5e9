using System;
using System.Globalization;

namespace TypedGrains.Serialization.Formatters;

/// <summary>
/// Writes <see cref="decimal"/> as a string in the invariant culture ("-12.340"), which keeps its scale (trailing
/// zeros) and is readable by any language; writing and reading allocate nothing.
/// </summary>
public sealed class DecimalFormatter : IMessagePackFormatter<decimal>
{
    // "-0.0000000000000000000000000001" is 31 characters; no decimal is longer.
    private const int MaxLength = 64;
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The one instance.</summary>
    public static readonly DecimalFormatter Instance = new();

    private DecimalFormatter()
    {
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, decimal value)
    {
        Span<byte> utf8 = stackalloc byte[MaxLength];
        value.TryFormat(utf8, out int written, default, CultureInfo.InvariantCulture);
        writer.WriteStringUtf8(utf8[..written]);
    }

    /// <inheritdoc />
    public decimal Deserialize(ref MessagePackReader reader)
    {
        long offset = reader.Consumed;
        int length = reader.ReadStringHeader();
        if (length > MaxLength)
        {
            throw Invalid(offset);
        }

        Span<byte> utf8 = stackalloc byte[length];
        reader.ReadRaw(utf8);
        return decimal.TryParse(utf8, Style, CultureInfo.InvariantCulture, out decimal value) ? value : throw Invalid(offset);
    }

    private static MessagePackSerializationException Invalid(long offset) =>
        new($"The string at offset {offset} is not a decimal number.", offset);
}
