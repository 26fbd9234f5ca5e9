namespace TypedGrains.Generators.Models;

/// <summary>The key kind of a grain, mirroring <c>TypedGrains.GrainKeyKind</c>.</summary>
internal enum GrainKeyKindModel
{
    /// <summary>A string key.</summary>
    String = 0,

    /// <summary>A <c>System.Guid</c> key.</summary>
    Guid = 1,

    /// <summary>A 64-bit integer key.</summary>
    Long = 2,
}
