using System;
using System.Globalization;

namespace TypedGrains.Persistence;

/// <summary>A write or clear found another ETag than the one it expected: someone else saved the grain in between.</summary>
public sealed class ETagConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ETagConflictException(GrainId grain, long expectedETag, long actualETag)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"State of grain '{grain}' was expected at ETag {expectedETag} but is at {actualETag}."))
    {
        Grain = grain;
        ExpectedETag = expectedETag;
        ActualETag = actualETag;
    }

    /// <summary>The grain whose state was written.</summary>
    public GrainId Grain { get; }

    /// <summary>The ETag the writer expected.</summary>
    public long ExpectedETag { get; }

    /// <summary>The ETag found in storage (0 when nothing is stored).</summary>
    public long ActualETag { get; }
}
