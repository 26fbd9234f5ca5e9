using Orleans;
using Orleans.Messaging;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Tests.Support;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>The membership suite on one SQLite file per test; every table instance opens it as another process would.</summary>
public sealed class SqliteMembershipTableTests : MembershipTableConformance, System.IDisposable
{
    private readonly TempDirectory _directory = new();

    private SqliteClusteringOptions Options => new() { DatabasePath = _directory.File("cluster.db") };

    protected override IMembershipTable CreateTable(string clusterId) => TableFactory.SqliteMembership(Options, clusterId);

    protected override IGatewayListProvider CreateGateways(string clusterId) =>
        new MembershipGatewayListProvider(TableFactory.SqliteMembership(Options, clusterId), RefreshPeriod);

    public void Dispose() => _directory.Dispose();
}
