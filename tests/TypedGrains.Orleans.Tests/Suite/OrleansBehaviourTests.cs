using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>The behaviour suite on a two-silo Orleans cluster, called from an Orleans client.</summary>
public sealed class OrleansBehaviourTests : GrainBehaviourSuite, IClassFixture<TwoSiloCluster>
{
    private readonly TwoSiloCluster _cluster;

    public OrleansBehaviourTests(TwoSiloCluster cluster) => _cluster = cluster;

    protected override IGrainFactory Grains => _cluster.Client;

    protected override FaultyStateProvider Storage => _cluster.Storage;

    protected override System.TimeSpan CallTimeout => TwoSiloCluster.CallTimeout;
}
