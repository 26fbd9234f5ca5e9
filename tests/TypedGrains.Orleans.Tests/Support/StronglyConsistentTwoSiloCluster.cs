namespace TypedGrains.Orleans.Tests.Support;

/// <summary>The two-silo cluster with Orleans' strongly consistent grain directory.</summary>
public sealed class StronglyConsistentTwoSiloCluster : TwoSiloCluster
{
    protected override bool StronglyConsistentDirectory => true;
}
