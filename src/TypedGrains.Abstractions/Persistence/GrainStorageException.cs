using System;

namespace TypedGrains.Persistence;

/// <summary>
/// A grain's state could not be loaded or saved. The caller whose message needed the load, or whose turn asked for the
/// save, receives it with the provider's own exception as <see cref="Exception.InnerException"/> (an
/// <see cref="ETagConflictException"/> when another activation saved in between, an <see cref="OperationCanceledException"/>
/// when the provider did not answer within the runtime's call timeout). Nothing of the failed turn took effect; the
/// activation was dropped and the next message loads the last saved state again.
/// </summary>
public sealed class GrainStorageException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="grain">The grain whose state was loaded or saved.</param>
    /// <param name="operation">Load or save.</param>
    /// <param name="provider">The name of the state provider (its registered name, or <c>default</c>).</param>
    /// <param name="innerException">The provider's exception.</param>
    public GrainStorageException(GrainId grain, GrainStorageOperation operation, string provider, Exception innerException)
        : base(Describe(grain, operation, provider, innerException), innerException)
    {
        Grain = grain;
        Operation = operation;
        Provider = provider;
    }

    /// <summary>The grain whose state was loaded or saved.</summary>
    public GrainId Grain { get; }

    /// <summary>Whether loading or saving failed.</summary>
    public GrainStorageOperation Operation { get; }

    /// <summary>The name of the state provider that failed.</summary>
    public string Provider { get; }

    private static string Describe(GrainId grain, GrainStorageOperation operation, string provider, Exception? inner) =>
        $"{(operation == GrainStorageOperation.Load ? "Loading" : "Saving")} the state of grain '{grain}' with state provider " +
        $"'{provider}' failed: {inner?.Message}";
}
