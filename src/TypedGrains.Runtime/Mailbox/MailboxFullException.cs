using System;
using System.Globalization;

namespace TypedGrains.Runtime;

/// <summary>
/// A message was refused because the grain's mailbox already holds <see cref="InProcessRuntimeOptions.MaxMailboxLength"/>
/// messages. Nothing was queued; the sender may retry later.
/// </summary>
public sealed class MailboxFullException : InvalidOperationException
{
    /// <summary>Creates the exception for <paramref name="grain"/>.</summary>
    public MailboxFullException(GrainId grain, int limit)
        : base(string.Create(CultureInfo.InvariantCulture,
            $"The mailbox of grain '{grain}' is full ({limit} messages, InProcessRuntimeOptions.MaxMailboxLength); the message was not queued."))
    {
        Grain = grain;
        Limit = limit;
    }

    /// <summary>The grain whose mailbox is full.</summary>
    public GrainId Grain { get; }

    /// <summary>The mailbox length limit.</summary>
    public int Limit { get; }
}
