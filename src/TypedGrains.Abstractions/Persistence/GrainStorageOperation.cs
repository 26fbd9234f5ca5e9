namespace TypedGrains.Persistence;

/// <summary>What a state provider was asked to do when it failed.</summary>
public enum GrainStorageOperation
{
    /// <summary>Reading the grain's state when it activated.</summary>
    Load = 0,

    /// <summary>Writing the grain's state at the end of a turn that asked for <c>SaveState()</c>.</summary>
    Save = 1,
}
