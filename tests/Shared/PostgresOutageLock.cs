using System;
using System.IO;
using System.Threading;

namespace TypedGrains.Tests.Shared;

/// <summary>
/// Test assemblies run at the same time against the one PostgreSQL server of eng/test.sh, and a failure test stops
/// that server for a moment. This lock file (next to the server's folder) keeps them apart across processes: a test
/// that needs the server holds it shared, the outage holds it exclusive. Linked into each test project that uses it.
/// On Unix, .NET takes <c>flock</c> locks for <see cref="FileShare"/>: ReadWrite is shared, None is exclusive.
/// </summary>
public static class PostgresOutageLock
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);

    /// <summary>Held while a test uses the server: an outage waits for it, and it waits for an outage to end.</summary>
    public static IDisposable HoldRunning() => Acquire(FileShare.ReadWrite);

    /// <summary>Held from before the server stops until after it is back.</summary>
    public static IDisposable HoldOutage() => Acquire(FileShare.None);

    private static IDisposable Acquire(FileShare share)
    {
        if (Environment.GetEnvironmentVariable("TYPEDGRAINS_PG_ROOT") is not { Length: > 0 } root)
        {
            // A server not started by eng/postgres.sh: nothing else here stops it.
            return new Released();
        }

        var path = root.TrimEnd('/') + ".outage.lock";
        var deadline = DateTime.UtcNow + Bound;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, share);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Held the other way by another test process: a bounded wait for it to let go.
                Thread.Sleep(20);
            }
        }
    }

    private sealed class Released : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
