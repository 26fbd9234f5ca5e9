using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>The behaviour suite on a two-silo cluster using Orleans' strongly consistent grain directory.</summary>
public sealed class OrleansStronglyConsistentBehaviourTests : GrainBehaviourSuite, IClassFixture<StronglyConsistentTwoSiloCluster>
{
    private readonly StronglyConsistentTwoSiloCluster _cluster;

    public OrleansStronglyConsistentBehaviourTests(StronglyConsistentTwoSiloCluster cluster) => _cluster = cluster;

    protected override IGrainFactory Grains => _cluster.Client;

    protected override FaultyStateProvider Storage => _cluster.Storage;

    protected override System.TimeSpan CallTimeout => TwoSiloCluster.CallTimeout;
}
