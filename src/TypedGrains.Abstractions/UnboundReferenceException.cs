using System;

namespace TypedGrains;

/// <summary>Thrown when a message is sent through a reference that no runtime created (for example <c>default</c>).</summary>
public sealed class UnboundReferenceException : InvalidOperationException
{
    /// <summary>Creates the exception for the reference to <paramref name="grain"/>.</summary>
    public UnboundReferenceException(GrainId grain)
        : base(grain.IsDefault
            ? "The grain reference is default: obtain references from an IGrainFactory."
            : $"The reference to '{grain}' is not bound to a runtime: obtain references from an IGrainFactory.")
    {
    }
}
