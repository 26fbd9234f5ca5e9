using System;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using TypedGrains.Orleans.Hosting;
using TypedGrains.Tests.Shared;
using Xunit;

namespace TypedGrains.Orleans.Tests.Support;

/// <summary>
/// Two Orleans silos and a client in this process, on loopback ports chosen free, with localhost clustering and one
/// shared in-memory state provider (as a shared database would be). Started once for the test class.
/// </summary>
public class TwoSiloCluster : IAsyncLifetime
{
    private IHost? _primary;
    private IHost? _secondary;
    private IHost? _client;

    /// <summary>The state storage every silo uses.</summary>
    public FaultyStateProvider Storage { get; } = new();

    /// <summary>Deferred replies dropped by either silo.</summary>
    public int RepliesDropped;

    public OrleansGrainRuntime Client => _client!.Services.GetRequiredService<OrleansGrainRuntime>();

    /// <summary>The client's services (its Orleans grain factory among them).</summary>
    public IServiceProvider ClientServices => _client!.Services;

    public OrleansGrainRuntime Primary => _primary!.Services.GetRequiredService<OrleansGrainRuntime>();

    public OrleansGrainRuntime Secondary => _secondary!.Services.GetRequiredService<OrleansGrainRuntime>();

    /// <summary>The call timeout of every runtime of the cluster (short, for the timeout test).</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public async Task InitializeAsync()
    {
        var ports = FreePorts.Take(4);
        var primaryEndpoint = new IPEndPoint(IPAddress.Loopback, ports[0]);
        _primary = Silo(ports[0], ports[1], primaryEndpoint);
        _secondary = Silo(ports[2], ports[3], primaryEndpoint);
        await _primary.StartAsync();
        await _secondary.StartAsync();

        var client = Host.CreateApplicationBuilder();
        client.Logging.ClearProviders();
        client.UseOrleansClient(c => c.UseLocalhostClustering([ports[1], ports[3]]).AddTypedGrains(Configure));
        _client = client.Build();
        await _client.StartAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var host in new[] { _client, _secondary, _primary })
        {
            if (host is not null)
            {
                await host.StopAsync(TimeSpan.FromSeconds(10));
                host.Dispose();
            }
        }
    }

    private IHost Silo(int siloPort, int gatewayPort, IPEndPoint primary)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(siloPort, gatewayPort, primary)
            .UseInMemoryReminderService()
            // A reminder registered on a silo that is not yet (or no longer) its owner in the ring is only stored there;
            // the owner loads it at its next read of the table, every 5 minutes by default. Right after the cluster
            // forms, on a loaded machine, that made the reminder test wait past its patience (seen once in CI).
            .Configure<ReminderOptions>(o => o.RefreshReminderListPeriod = TimeSpan.FromSeconds(2))
            .AddTypedGrains(Configure));
        return builder.Build();
    }

    /// <summary>Whether the silos use Orleans' strongly consistent grain directory.</summary>
    protected virtual bool StronglyConsistentDirectory => false;

    private void Configure(OrleansGrainRuntimeOptions options)
    {
        options.StronglyConsistentDirectory = StronglyConsistentDirectory;
        options.DefaultProvider = Storage;
        options.CallTimeout = CallTimeout;
        options.ReplyDropped = (_, _) => System.Threading.Interlocked.Increment(ref RepliesDropped);
    }
}
