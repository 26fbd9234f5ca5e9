using System;
using System.Globalization;

namespace TypedGrains.Orleans.Wire;

/// <summary>
/// Encodes a TypedGrains <see cref="GrainId"/> as the Orleans string key of its host grain, reversibly:
/// <c>{length of type}:{type}{key kind letter}{key}</c>, e.g. <c>15:Samples.CounterSc-1</c>. The length prefix keeps any
/// type name (a <c>[Grain(Name = ...)]</c> may hold any character) apart from the key.
/// </summary>
internal static class HostKey
{
    public static string Format(GrainId grain)
    {
        var kind = grain.Key.Kind switch
        {
            GrainKeyKind.String => 'S',
            GrainKeyKind.Guid => 'G',
            _ => 'L',
        };
        return string.Create(CultureInfo.InvariantCulture, $"{grain.Type.Length}:{grain.Type}{kind}{grain.Key}");
    }

    /// <exception cref="FormatException">The key was not made by <see cref="Format"/>.</exception>
    public static GrainId Parse(string key)
    {
        var colon = key.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0
            || !int.TryParse(key.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length <= 0
            || colon + 1 + length >= key.Length)
        {
            throw new FormatException($"'{key}' is not a TypedGrains host key.");
        }

        var type = key.Substring(colon + 1, length);
        var rest = key.AsSpan(colon + 1 + length);
        var text = rest[1..];
        GrainKey grainKey = rest[0] switch
        {
            'S' => GrainKey.From(text.ToString()),
            'G' => GrainKey.From(Guid.ParseExact(text, "D")),
            'L' => GrainKey.From(long.Parse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture)),
            _ => throw new FormatException($"'{key}' names an unknown key kind '{rest[0]}'."),
        };
        return new GrainId(type, grainKey);
    }
}
