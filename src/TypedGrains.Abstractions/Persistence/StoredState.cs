namespace TypedGrains.Persistence;

/// <summary>A stored grain state and its ETag.</summary>
/// <param name="State">The state value.</param>
/// <param name="ETag">The monotonic version of the stored value (greater than 0).</param>
public sealed record StoredState(object? State, long ETag);
