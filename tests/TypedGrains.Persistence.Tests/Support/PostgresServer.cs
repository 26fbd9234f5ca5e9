using System;
using System.Diagnostics;
using System.IO;
using TypedGrains.Tests.Shared;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL server that <c>eng/test.sh</c> starts (see <c>eng/postgres.sh</c>). The PostgreSQL tests
/// fail, rather than skip, when it is not described by the environment.
/// </summary>
public static class PostgresServer
{
    public static string ConnectionString => Required("TYPEDGRAINS_POSTGRES");

    private static IDisposable? _outage;

    /// <summary>
    /// Stops the server (fast shutdown: open connections are terminated), once no other test process is using it
    /// (<see cref="PostgresOutageLock"/>); other test processes wait until <see cref="Start"/>.
    /// </summary>
    public static void Stop()
    {
        _outage ??= PostgresOutageLock.HoldOutage();
        PgCtl("-m", "fast", "-w", "-t", "60", "stop");
    }

    /// <summary>Starts the server again with the configuration it was created with, and lets other test processes use it.</summary>
    public static void Start()
    {
        try
        {
            PgCtl("-l", Path.Combine(Required("TYPEDGRAINS_PG_DATA"), "restart.log"), "-w", "-t", "60", "start");
        }
        finally
        {
            _outage?.Dispose();
            _outage = null;
        }
    }

    private static void PgCtl(params string[] arguments)
    {
        var pgCtl = Required("TYPEDGRAINS_PG_CTL");
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Environment.UserName == "root")
        {
            // initdb and the server refuse to run as root; eng/postgres.sh made the data directory the postgres user's.
            start.FileName = "runuser";
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(pgCtl);
        }
        else
        {
            start.FileName = pgCtl;
        }

        start.ArgumentList.Add("-D");
        start.ArgumentList.Add(Required("TYPEDGRAINS_PG_DATA"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"pg_ctl {string.Join(' ', arguments)} failed ({process.ExitCode}): {output.Result}{error}");
        }
    }

    private static string Required(string name) =>
        Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                $"{name} is not set. The PostgreSQL tests need the throwaway server of eng/test.sh (eng/postgres.sh): run eng/test.sh, " +
                "or source eng/postgres.sh and call postgres_start before dotnet test.");
}
