using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using TypedGrains;

namespace Samples.Cluster;

/// <summary>
/// The sample: three silos as child processes on one machine, accounts called from a client, one silo killed, its
/// accounts answering from another silo with every acknowledged deposit kept.
/// </summary>
internal static class Demo
{
    public static async Task<int> RunAsync(string? postgres)
    {
        var folder = Path.Combine(Path.GetTempPath(), "typedgrains-cluster-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        var settings = new ClusterSettings(postgres, folder);
        Console.WriteLine($"Membership and state: {(postgres is null ? "SQLite files in " + folder : "PostgreSQL")}");
        try
        {
            using var silos = new SiloLauncher(typeof(Demo).Assembly.Location, settings);
            for (var i = 0; i < 3; i++)
            {
                var silo = await silos.StartAsync(TimeSpan.FromSeconds(90));
                Console.WriteLine($"  silo {i + 1} started (pid {silo.Id})");
            }

            var client = Host.CreateApplicationBuilder();
            client.Logging.ClearProviders();
            client.UseOrleansClient(c => settings.ConfigureClient(c));
            using var clientHost = client.Build();
            await clientHost.StartAsync();
            var grains = clientHost.Services.GetRequiredService<IGrainFactory>();

            var accounts = Enumerable.Range(1, 6).Select(i => grains.Account("account-" + i)).ToArray();
            foreach (var account in accounts)
            {
                await account.Deposit(100);
                Console.WriteLine($"  {account.Id}: {await account.Deposits()} deposit(s), on pid {await account.Process()}");
            }

            var victim = await accounts[0].Process();
            SiloLauncher.Kill(silos.Find(victim));
            Console.WriteLine($"Killed the silo with pid {victim} (SIGKILL).");

            var clock = Stopwatch.StartNew();
            var lost = 0;
            foreach (var account in accounts)
            {
                // One deposit was acknowledged before the kill and one after: fewer than two stored means one was lost.
                var deposits = await Retry(() => account.Deposit(100));
                lost += deposits < 2 ? 1 : 0;
                Console.WriteLine($"  {account.Id}: {deposits} deposit(s), balance {await account.Balance()}, now on pid {await account.Process()}");
            }

            Console.WriteLine(lost == 0
                ? $"Every account answered again {clock.Elapsed.TotalSeconds:F1} s after the kill; no acknowledged deposit was lost."
                : $"{lost} account(s) lost an acknowledged deposit.");
            await clientHost.StopAsync();
            return lost == 0 ? 0 : 1;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A silo still closing its files; the temp folder is left behind.
            }
        }
    }

    /// <summary>Retries a call that failed because its silo died, every half second for at most a minute.</summary>
    private static async Task<long> Retry(Func<ValueTask<long>> call)
    {
        var giveUp = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call();
            }
            catch (Exception error) when (giveUp.Elapsed < TimeSpan.FromMinutes(1))
            {
                Console.WriteLine($"    attempt {attempt} failed ({error.GetType().Name}); retrying in 0.5 s");
                await Task.Delay(TimeSpan.FromMilliseconds(500));
            }
        }
    }
}
