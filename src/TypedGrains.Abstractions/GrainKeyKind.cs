namespace TypedGrains;

/// <summary>The kind of key that identifies grain instances of one grain type.</summary>
public enum GrainKeyKind
{
    /// <summary>A non-null string key.</summary>
    String = 0,

    /// <summary>A <see cref="System.Guid"/> key.</summary>
    Guid = 1,

    /// <summary>A 64-bit integer key.</summary>
    Long = 2,
}
