using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Tests.Support;
using Xunit;
using Xunit.Abstractions;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>
/// Two processes write one SQLite membership file at once (tests/TypedGrains.Orleans.Storage.Worker): I-am-alive
/// writes and table version compare-and-sets that retry until they win. No write may be lost or applied twice.
/// </summary>
public sealed class SqliteMultiProcessTests(ITestOutputHelper output) : IDisposable
{
    private const int Rounds = 60;

    private readonly TempDirectory _directory = new();

    [Fact]
    public async Task Two_processes_updating_one_file_lose_no_write_and_the_version_counts_every_update()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var database = _directory.File("cluster.db");
        var clusterId = "multi-" + Guid.NewGuid().ToString("N");
        await using var table = TableFactory.SqliteMembership(new SqliteClusteringOptions { DatabasePath = database }, clusterId);
        await table.InitializeMembershipTableAsync(true, timeout.Token);
        var silos = new[] { Silos.NewEntry(), Silos.NewEntry() };
        foreach (var silo in silos)
        {
            Assert.True(await table.InsertRowAsync(silo, (await table.ReadAllAsync(timeout.Token)).Version.Next(), timeout.Token));
        }

        var workers = silos.Select(silo => Worker(database, clusterId, silo.SiloAddress.ToParsableString())).ToArray();
        try
        {
            foreach (var worker in workers)
            {
                Assert.Equal("ready", await worker.StandardOutput.ReadLineAsync(timeout.Token));
            }

            foreach (var worker in workers)
            {
                await worker.StandardInput.WriteLineAsync("go");
                await worker.StandardInput.FlushAsync(timeout.Token);
            }

            foreach (var worker in workers)
            {
                var done = await worker.StandardOutput.ReadLineAsync(timeout.Token);
                await worker.WaitForExitAsync(timeout.Token);
                Assert.True(worker.ExitCode == 0, $"worker exited with {worker.ExitCode}: {done} {await worker.StandardError.ReadToEndAsync(timeout.Token)}");
                Assert.StartsWith("done ", done);
                output.WriteLine($"worker {worker.Id}: {done} (compare-and-sets lost to the other process and retried)");
            }
        }
        finally
        {
            foreach (var worker in workers.Where(w => !w.HasExited))
            {
                worker.Kill();
            }
        }

        var data = await table.ReadAllAsync(timeout.Token);
        Assert.Equal(silos.Length + silos.Length * Rounds, data.Version.Version);
        foreach (var silo in silos)
        {
            var stored = data.Members.Single(m => m.Item1.SiloAddress.Equals(silo.SiloAddress)).Item1;
            Assert.Equal(silo.UpdateZone + Rounds, stored.UpdateZone);
            Assert.Equal(new DateTime(Rounds, DateTimeKind.Utc), stored.IAmAliveTime);
        }
    }

    public void Dispose() => _directory.Dispose();

    private static Process Worker(string database, string clusterId, string silo)
    {
        var assembly = typeof(SqliteMultiProcessTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "WorkerAssembly").Value!;
        Assert.True(File.Exists(assembly), $"the worker is not built at {assembly}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "exec", Path.GetFullPath(assembly), database, clusterId, silo, Rounds.ToString() })
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start)!;
    }
}
