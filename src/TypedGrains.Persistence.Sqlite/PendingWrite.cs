using System.Threading.Tasks;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>One write or clear waiting for the group-commit loop; completed only after its transaction commits.</summary>
internal sealed class PendingWrite
{
    public PendingWrite(GrainId grain, byte[]? payload, bool clear, long expectedETag)
    {
        Grain = grain;
        Payload = payload;
        Clear = clear;
        ExpectedETag = expectedETag;
    }

    public GrainId Grain { get; }

    /// <summary>The encoded state; <c>null</c> for a clear.</summary>
    public byte[]? Payload { get; }

    public bool Clear { get; }

    public long ExpectedETag { get; }

    /// <summary>The new ETag, an <see cref="ETagConflictException"/>, or the storage error of the whole batch.</summary>
    public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Set by the loop while the transaction is open: the new ETag, or -1 with <see cref="ActualETag"/> on a conflict.</summary>
    public long Outcome { get; set; }

    public long ActualETag { get; set; }
}
