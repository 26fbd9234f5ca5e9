using System;

namespace TypedGrains.Serialization.Tests;

/// <summary>Hex text for expected bytes: "cc-80", "cc 80" and "cc80" all mean the same two bytes.</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) =>
        Convert.FromHexString(hex.Replace("-", string.Empty, StringComparison.Ordinal).Replace(" ", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).ToLowerInvariant();
}
