using Orleans;
using Orleans.Messaging;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Tests.Support;
using TypedGrains.Tests.Shared;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>The membership suite on the PostgreSQL server of eng/test.sh; each table instance has its own
/// pool, and the test holds the server against another assembly stopping it.</summary>
[Xunit.Collection(PostgresCollection.Name)]
public sealed class PostgresMembershipTableTests : MembershipTableConformance, System.IDisposable
{
    private readonly System.IDisposable _running = PostgresOutageLock.HoldRunning();

    private static PostgresClusteringOptions Options => new() { ConnectionString = PostgresServer.ConnectionString };

    protected override IMembershipTable CreateTable(string clusterId) => TableFactory.PostgresMembership(Options, clusterId);

    protected override IGatewayListProvider CreateGateways(string clusterId) =>
        new MembershipGatewayListProvider(TableFactory.PostgresMembership(Options, clusterId), RefreshPeriod);

    public void Dispose() => _running.Dispose();
}
