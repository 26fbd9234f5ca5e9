using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Samples.Cluster;
using Xunit;
using Xunit.Abstractions;

namespace TypedGrains.Orleans.Tests;

/// <summary>
/// Three silo processes on PostgreSQL (membership and grain state), a client driving 50 accounts with saving calls,
/// and five kill -9s of a silo at seeded moments: no acknowledged save is lost, no account's stored count goes back,
/// a failing call fails within the call timeout, and every account answers again after each kill.
/// </summary>
public sealed class FailoverTests
{
    private const int Accounts = 50;
    private const int Kills = 5;
    private const int Seed = 20261201;
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ITestOutputHelper _output;

    public FailoverTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task Kill_minus_9_of_silos_loses_no_acknowledged_save()
    {
        var postgres = Environment.GetEnvironmentVariable("TYPEDGRAINS_POSTGRES")
            ?? throw new InvalidOperationException("TYPEDGRAINS_POSTGRES is not set: run the tests through eng/test.sh, which starts a throwaway PostgreSQL.");
        // The persistence failure test stops the shared server; it waits while this test runs, and this waits for it.
        using var running = TypedGrains.Tests.Shared.PostgresOutageLock.HoldRunning();
        var folder = Directory.CreateTempSubdirectory("typedgrains-failover-").FullName;
        var settings = new ClusterSettings(postgres, folder, "failover-" + Guid.NewGuid().ToString("N")[..8]);
        using var silos = new SiloLauncher(typeof(SiloLauncher).Assembly.Location, settings);
        for (var i = 0; i < 3; i++)
        {
            await silos.StartAsync(Patience, _output.WriteLine);
        }

        var client = Host.CreateApplicationBuilder();
        client.Logging.ClearProviders();
        client.UseOrleansClient(c => settings.ConfigureClient(c));
        using var clientHost = client.Build();
        await clientHost.StartAsync();
        var grains = clientHost.Services.GetRequiredService<IGrainFactory>();

        var prefix = settings.ClusterId + "-";
        var driver = new Driver(Enumerable.Range(0, Accounts).Select(i => grains.Account(prefix + i)).ToArray());
        using var stop = new CancellationTokenSource();
        var driving = driver.RunAsync(stop.Token);
        await driver.WaitUntilEveryAccountAnsweredAsync(DateTime.UtcNow, Patience);

        var random = new Random(Seed);
        var recoveries = new List<TimeSpan>();
        for (var kill = 1; kill <= Kills; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(500, 2500)));
            var victim = await grains.Account(prefix + random.Next(Accounts)).Process();
            var killedAt = DateTime.UtcNow;
            SiloLauncher.Kill(silos.Find(victim));
            var recovery = await driver.WaitUntilEveryAccountAnsweredAsync(killedAt, Patience);
            recoveries.Add(recovery);
            _output.WriteLine($"kill {kill}: silo pid {victim}; every account answered again after {recovery.TotalSeconds:F1} s");
            await silos.StartAsync(Patience, _output.WriteLine);
        }

        stop.Cancel();
        await driving;

        // Every acknowledged deposit is stored, and no account's count ever went back.
        foreach (var (account, acknowledged) in driver.Acknowledged)
        {
            Assert.True(await account.Deposits() >= acknowledged, $"{account.Id}: {acknowledged} deposits acknowledged, fewer stored.");
        }

        Assert.Empty(driver.Regressions);
        Assert.True(driver.Acknowledged.Sum(a => a.Value) > Accounts * Kills, "The driver made too few calls to mean anything.");
        var slowest = driver.SlowestFailure;
        Assert.True(slowest <= ClusterSettings.CallTimeout + TimeSpan.FromSeconds(3),
            $"A failing call took {slowest.TotalSeconds:F1} s, beyond the {ClusterSettings.CallTimeout.TotalSeconds} s call timeout.");
        _output.WriteLine($"recovery after kill -9: {string.Join(", ", recoveries.Select(r => r.TotalSeconds.ToString("F1") + " s"))}; " +
            $"{driver.Acknowledged.Sum(a => a.Value)} deposits acknowledged, {driver.Failures} calls failed (slowest failure {slowest.TotalSeconds:F1} s)");
        Assert.All(recoveries, r => Assert.True(r < Patience));
        await clientHost.StopAsync();
    }

    /// <summary>One loop per account: deposit, record what the account acknowledged, go on after a failure.</summary>
    private sealed class Driver
    {
        private readonly Samples.Cluster.AccountRef[] _accounts;
        private readonly ConcurrentDictionary<Samples.Cluster.AccountRef, long> _acknowledged = new();
        private readonly ConcurrentDictionary<Samples.Cluster.AccountRef, DateTime> _lastSuccess = new();
        private readonly ConcurrentQueue<string> _regressions = new();
        private TaskCompletionSource _progress = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private long _slowestFailureTicks;
        private int _failures;

        public Driver(Samples.Cluster.AccountRef[] accounts) => _accounts = accounts;

        public IReadOnlyDictionary<Samples.Cluster.AccountRef, long> Acknowledged => _acknowledged;

        public IReadOnlyCollection<string> Regressions => _regressions;

        public TimeSpan SlowestFailure => TimeSpan.FromTicks(Interlocked.Read(ref _slowestFailureTicks));

        public int Failures => Volatile.Read(ref _failures);

        public Task RunAsync(CancellationToken stop) => Task.WhenAll(_accounts.Select(account => Task.Run(() => DriveAsync(account, stop))));

        /// <summary>Waits until every account acknowledged a deposit sent after <paramref name="since"/>; returns how long that took.</summary>
        public async Task<TimeSpan> WaitUntilEveryAccountAnsweredAsync(DateTime since, TimeSpan patience)
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                // Taken before the check, so a success between the check and the wait still wakes it.
                var progress = Volatile.Read(ref _progress).Task;
                if (_accounts.All(a => _lastSuccess.TryGetValue(a, out var at) && at > since))
                {
                    return DateTime.UtcNow - since;
                }

                var left = patience - clock.Elapsed;
                if (left <= TimeSpan.Zero || await Task.WhenAny(progress, Task.Delay(left)) != progress)
                {
                    throw new TimeoutException($"Not every account answered within {patience} after the kill.");
                }
            }
        }

        private async Task DriveAsync(Samples.Cluster.AccountRef account, CancellationToken stop)
        {
            while (!stop.IsCancellationRequested)
            {
                var sent = DateTime.UtcNow;
                var timer = Stopwatch.StartNew();
                try
                {
                    var stored = await account.Deposit(1);
                    var previous = _acknowledged.GetValueOrDefault(account);
                    if (stored <= previous)
                    {
                        _regressions.Enqueue($"{account.Id}: acknowledged {stored} after {previous}");
                    }

                    _acknowledged[account] = Math.Max(previous, stored);
                    _lastSuccess[account] = sent;
                    Interlocked.Exchange(ref _progress, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
                }
                catch (Exception)
                {
                    Interlocked.Increment(ref _failures);
                    var took = timer.Elapsed.Ticks;
                    long seen;
                    while (took > (seen = Interlocked.Read(ref _slowestFailureTicks))
                        && Interlocked.CompareExchange(ref _slowestFailureTicks, took, seen) != seen)
                    {
                    }

                    await Task.Delay(200, CancellationToken.None);
                }
            }
        }
    }
}
