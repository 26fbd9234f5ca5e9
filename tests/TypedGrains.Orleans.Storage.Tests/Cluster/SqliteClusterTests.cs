using System;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Tests.Support;
using TypedGrains.Tests.Shared;
using Xunit;

namespace TypedGrains.Orleans.Storage.Tests.Cluster;

/// <summary>
/// A real two-silo Orleans cluster in this process (two Hosts on loopback) whose membership and reminders are the
/// SQLite tables, and a client that finds the silos through the SQLite gateway list.
/// </summary>
public sealed class SqliteClusterTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private readonly TempDirectory _directory = new();
    private readonly string _clusterId = "e2e-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Two_silos_join_through_the_sqlite_table_serve_a_client_and_the_one_stopped_is_marked_dead()
    {
        using var timeout = new CancellationTokenSource(Bound);
        var database = _directory.File("cluster.db");
        var ports = FreePorts.Take(4);
        using var first = Silo(database, ports[0], ports[1]);
        using var second = Silo(database, ports[2], ports[3]);
        using var client = Client(database);

        await first.StartAsync(timeout.Token);
        await second.StartAsync(timeout.Token);

        // A started silo has written itself Active; both rows are there with their gateway ports.
        await using var table = TableFactory.SqliteMembership(new SqliteClusteringOptions { DatabasePath = database }, _clusterId);
        var members = (await table.ReadAllAsync(timeout.Token)).Members.Select(m => m.Item1).ToArray();
        Assert.Equal(2, members.Length);
        Assert.All(members, m => Assert.Equal(SiloStatus.Active, m.Status));
        Assert.Equal(new[] { ports[0], ports[2] }.Order(), members.Select(m => m.SiloAddress.Endpoint.Port).Order());
        Assert.Equal(new[] { ports[1], ports[3] }.Order(), members.Select(m => m.ProxyPort).Order());
        Assert.Equal(2, (await table.ReadGatewaysAsync(timeout.Token)).Count);

        await client.StartAsync(timeout.Token);
        var grains = client.Services.GetRequiredService<IClusterClient>();
        var ping = grains.GetGrain<IPingGrain>("p-1");
        var identity = await ping.Ping().WaitAsync(timeout.Token);
        Assert.Contains(identity, members.Select(m => m.SiloAddress.ToString()));
        await ping.RegisterReminder("hourly").WaitAsync(timeout.Token);

        await using var reminders = TableFactory.SqliteReminders(new SqliteReminderOptions { DatabasePath = database }, "e2e-service");
        var reminder = await reminders.ReadRow(ping.GetGrainId(), "hourly", timeout.Token);
        Assert.NotNull(reminder);
        Assert.Equal(TimeSpan.FromHours(1), reminder.Period);

        await client.StopAsync(timeout.Token);
        await second.StopAsync(timeout.Token);
        var stopped = (await table.ReadRowAsync(members.Single(m => m.SiloAddress.Endpoint.Port == ports[2]).SiloAddress, timeout.Token))
            .Members.Single().Item1;
        Assert.Equal(SiloStatus.Dead, stopped.Status);
        await first.StopAsync(timeout.Token);
    }

    public void Dispose() => _directory.Dispose();

    private IHost Silo(string database, int siloPort, int gatewayPort) =>
        new HostBuilder()
            .UseOrleans(silo => silo
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = _clusterId;
                    options.ServiceId = "e2e-service";
                })
                .ConfigureEndpoints(IPAddress.Loopback, siloPort, gatewayPort, listenOnAnyHostAddress: false)
                .UseTypedGrainsSqliteClustering(database)
                .UseTypedGrainsSqliteReminders(database))
            .Build();

    private IHost Client(string database) =>
        new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = _clusterId;
                    options.ServiceId = "e2e-service";
                })
                .UseTypedGrainsSqliteClustering(database))
            .Build();
}
