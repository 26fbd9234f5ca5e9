using System;
using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace TypedGrains.Persistence.Sqlite;

/// <summary>
/// One busy timeout for a whole operation, however many statements it runs. Each statement gets what is left of it,
/// both as SQLite's own wait (<c>sqlite3_busy_timeout</c>, in milliseconds) and as Microsoft.Data.Sqlite's retry
/// budget (<see cref="SqliteCommand.CommandTimeout"/>, in whole seconds, at least one). Without it every statement
/// waited the full timeout again: a first read of a locked file ran three statements and failed after twice the
/// timeout or more.
/// </summary>
internal readonly struct LockDeadline
{
    private readonly long _started;
    private readonly TimeSpan _timeout;

    private LockDeadline(TimeSpan timeout)
    {
        _started = Stopwatch.GetTimestamp();
        _timeout = timeout;
    }

    /// <summary>Starts the clock of an operation.</summary>
    public static LockDeadline Start(TimeSpan timeout) => new(timeout);

    /// <summary>What is left of the timeout (never negative).</summary>
    public TimeSpan Remaining
    {
        get
        {
            TimeSpan left = _timeout - Stopwatch.GetElapsedTime(_started);
            return left > TimeSpan.Zero ? left : TimeSpan.Zero;
        }
    }

    /// <summary>Gives <paramref name="command"/> (and its connection's busy handler) what is left of the timeout.</summary>
    public void Arm(SqliteCommand command)
    {
        TimeSpan left = Remaining;
        SqliteSchema.SetBusyTimeout(command.Connection!, left);
        command.CommandTimeout = SqliteSchema.RetrySeconds(left);
    }
}
