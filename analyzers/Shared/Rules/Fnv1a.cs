using System.Text;

namespace TypedGrains.Generators.Helpers;

/// <summary>The 32-bit FNV-1a hash, a small stable hash for method ids (unlike <c>string.GetHashCode</c>).</summary>
internal static class Fnv1a
{
    private const uint OffsetBasis = 2166136261u;
    private const uint Prime = 16777619u;

    /// <summary>Hashes the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static uint Hash32(string text)
    {
        uint hash = OffsetBasis;
        foreach (byte b in Encoding.UTF8.GetBytes(text))
        {
            hash ^= b;
            hash = unchecked(hash * Prime);
        }

        return hash;
    }
}
