using System;

namespace TypedGrains;

/// <summary>
/// Given to a caller waiting on a deferred reply when the activation that held its token ended before replying.
/// </summary>
public sealed class GrainDeactivatedException : Exception
{
    /// <summary>Creates the exception for <paramref name="grain"/>, with the failure that ended it, if any.</summary>
    public GrainDeactivatedException(GrainId grain, Exception? innerException = null)
        : base($"Grain '{grain}' was deactivated before it replied to this call.", innerException)
    {
        Grain = grain;
    }

    /// <summary>The grain that was deactivated.</summary>
    public GrainId Grain { get; }
}
