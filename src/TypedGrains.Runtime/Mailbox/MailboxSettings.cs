namespace TypedGrains.Runtime;

/// <summary>What every mailbox of one runtime shares (one object per runtime, so a mailbox carries one reference).</summary>
/// <param name="Scheduler">Runs mailboxes that have messages.</param>
/// <param name="Budget">Messages per slice before a busy mailbox yields its thread.</param>
/// <param name="Limit">The most turn messages a mailbox holds; 0 for unbounded.</param>
/// <param name="Inline">Whether a call that finds its mailbox idle may run on the caller's thread.</param>
/// <param name="Linger">
/// Whether a mailbox that ran dry stays scheduled for one more pass before it goes idle, so a stream of casts to it
/// does not pay a schedule per cast (the thread pool only: a step-by-step test scheduler sees exactly one slice per wake-up).
/// </param>
internal sealed record MailboxSettings(IMailboxScheduler Scheduler, int Budget, int Limit, bool Inline, bool Linger)
{
    /// <summary>The mailbox-length gauge; an unbounded mailbox counts its messages only while it is observed.</summary>
    public System.Diagnostics.Metrics.Instrument? LengthGauge { get; init; }

    /// <summary>Whether someone observes the mailbox-length gauge now.</summary>
    public bool ObservesLength => LengthGauge is { Enabled: true };
}
