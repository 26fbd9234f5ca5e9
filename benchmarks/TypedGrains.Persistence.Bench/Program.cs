using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using TypedGrains.Persistence;
using TypedGrains.Persistence.Bench;
using TypedGrains.Persistence.Postgres;
using TypedGrains.Persistence.Sqlite;

// Save-state throughput of the SQLite and PostgreSQL providers with 1 and with 1,000 concurrently saving grains.
// Usage: dotnet run -c Release --project benchmarks/TypedGrains.Persistence.Bench [-- seconds]
// PostgreSQL: the connection string in TYPEDGRAINS_POSTGRES (benchmarks/TypedGrains.Persistence.Bench/run.sh starts a
// throwaway server through eng/postgres.sh and sets it).
var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 5;
var measured = TimeSpan.FromSeconds(seconds);
var warmUp = TimeSpan.FromSeconds(Math.Max(1, seconds / 5));
var postgres = Environment.GetEnvironmentVariable("TYPEDGRAINS_POSTGRES");
if (string.IsNullOrEmpty(postgres))
{
    Console.Error.WriteLine("TYPEDGRAINS_POSTGRES is not set: run benchmarks/TypedGrains.Persistence.Bench/run.sh");
    return 1;
}

var directory = Path.Combine(Path.GetTempPath(), "typedgrains-bench-" + Guid.NewGuid().ToString("N"));
var configurations = new List<(string Name, Func<IGrainStateProvider> Create)>
{
    ("SQLite, group commit, synchronous=FULL (default)", () => new SqliteGrainStateProvider(Path.Combine(directory, Guid.NewGuid() + ".db"))),
    ("SQLite, one save per transaction, synchronous=FULL", () => new SqliteGrainStateProvider(new SqliteGrainStateProviderOptions
    {
        DatabasePath = Path.Combine(directory, Guid.NewGuid() + ".db"),
        MaxBatchSize = 1,
    })),
    ("SQLite, group commit, synchronous=NORMAL", () => new SqliteGrainStateProvider(new SqliteGrainStateProviderOptions
    {
        DatabasePath = Path.Combine(directory, Guid.NewGuid() + ".db"),
        SyncEveryCommit = false,
    })),
    ("PostgreSQL 15, fsync on, pool of 100", () => new PostgresGrainStateProvider(postgres)),
};

Console.WriteLine($"{Environment.ProcessorCount} cores, {RuntimeInformationText()}, {seconds} s per measurement");
Console.WriteLine();
Console.WriteLine("| provider | 1 grain (saves/s) | 1,000 grains (saves/s) |");
Console.WriteLine("|---|---:|---:|");
try
{
    foreach (var (name, create) in configurations)
    {
        var results = new List<double>();
        foreach (var grains in new[] { 1, 1000 })
        {
            var provider = create();
            try
            {
                results.Add(await SaveThroughput.MeasureAsync(provider, grains, warmUp, measured));
            }
            finally
            {
                if (provider is IAsyncDisposable disposable)
                {
                    await disposable.DisposeAsync();
                }
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {results[0]:N0} | {results[1]:N0} |"));
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

return 0;

static string RuntimeInformationText() => System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription;
