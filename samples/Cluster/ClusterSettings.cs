using System;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
using TypedGrains.Orleans;
using TypedGrains.Orleans.Hosting;
using TypedGrains.Orleans.Storage;
using TypedGrains.Persistence;
using TypedGrains.Persistence.Postgres;
using TypedGrains.Persistence.Sqlite;

namespace Samples.Cluster;

/// <summary>
/// What every process of the sample cluster shares: where membership and grain state live (a SQLite file by
/// default, PostgreSQL with <c>--postgres</c>), and the failure-detection settings docs/cluster.md recommends.
/// </summary>
public sealed record ClusterSettings(string? Postgres, string Folder, string ClusterId = "typedgrains-sample")
{
    /// <summary>How long a call may wait; also Orleans' response timeout, so a call to a dead silo fails by then.</summary>
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    public string MembershipFile => System.IO.Path.Combine(Folder, "membership.db");

    public string StateFile => System.IO.Path.Combine(Folder, "grains.db");

    public ISiloBuilder ConfigureSilo(ISiloBuilder silo)
    {
        silo.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            // Declare a silo dead after about 3 s of missed probes instead of Orleans' default of about a minute.
            o.ProbeTimeout = TimeSpan.FromSeconds(1);
            o.NumMissedProbesLimit = 2;
            o.NumVotesForDeathDeclaration = 1;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
            o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
        });
        silo.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
        silo.AddTypedGrains(o =>
        {
            o.DefaultProvider = StateProvider();
            o.CallTimeout = CallTimeout;
        });
        return Postgres is null ? silo.UseTypedGrainsSqliteClustering(MembershipFile) : silo.UseTypedGrainsPostgresClustering(Postgres);
    }

    public IClientBuilder ConfigureClient(IClientBuilder client)
    {
        client.Configure<ClusterOptions>(o => (o.ClusterId, o.ServiceId) = (ClusterId, ClusterId));
        client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = CallTimeout);
        client.Configure<GatewayOptions>(o => o.GatewayListRefreshPeriod = TimeSpan.FromSeconds(2));
        client.AddTypedGrains(o => o.CallTimeout = CallTimeout);
        return Postgres is null ? client.UseTypedGrainsSqliteClustering(MembershipFile) : client.UseTypedGrainsPostgresClustering(Postgres);
    }

    private IGrainStateProvider StateProvider() =>
        Postgres is null ? new SqliteGrainStateProvider(StateFile) : new PostgresGrainStateProvider(Postgres);
}
