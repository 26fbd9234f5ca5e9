using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>Compares each generated file with its committed <c>Snapshots/*.verified.cs</c>.</summary>
public sealed class SnapshotTests
{
    [Theory]
    [MemberData(nameof(GrainCases.Names), MemberType = typeof(GrainCases))]
    public void GeneratedSourceMatchesSnapshot(string caseName)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(GrainCases.Sources[caseName]).AssertGeneratorQuiet();

        Assert.NotEmpty(outcome.Sources);
        foreach ((string hintName, string text) in outcome.Sources)
        {
            Snapshot.Verify(caseName, hintName, text);
        }
    }
}
