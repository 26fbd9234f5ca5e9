using Orleans;
using Orleans.Messaging;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Tests.Support;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>The membership suite on the PostgreSQL server of eng/test.sh; each table instance has its own pool.</summary>
public sealed class PostgresMembershipTableTests : MembershipTableConformance
{
    private static PostgresClusteringOptions Options => new() { ConnectionString = PostgresServer.ConnectionString };

    protected override IMembershipTable CreateTable(string clusterId) => TableFactory.PostgresMembership(Options, clusterId);

    protected override IGatewayListProvider CreateGateways(string clusterId) =>
        new MembershipGatewayListProvider(TableFactory.PostgresMembership(Options, clusterId), RefreshPeriod);
}
