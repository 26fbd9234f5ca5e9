using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>Numbers grain types in the order the process first uses them, so tables can be found by array index.</summary>
internal static class GrainTypeIndex
{
    private static int s_count;

    public static int Next() => Interlocked.Increment(ref s_count) - 1;
}

/// <summary>The index of <typeparamref name="TGrain"/> (assigned once per process).</summary>
internal static class GrainTypeIndex<TGrain>
{
    public static readonly int Value = GrainTypeIndex.Next();
}
