using System;
using System.Linq;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.Analyzers.Tests.Mutation;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>
/// Damages the real grain sources at random (seeded, bounded) and runs the generator and every analyzer on each result:
/// no exception escapes (no CS8785 from the generator, no AD0001 from an analyzer).
/// </summary>
public sealed class RobustnessTests
{
    private const int Seed = 20250501;
    private const int VariantsPerSource = 6;

    // Deletes, truncation and a duplicated member: damage that any real grain source can take.
    private static readonly int[] DamageKinds = [Mutator.DeleteTokens, Mutator.Truncate, Mutator.DuplicateMember];

    public static TheoryData<string> SourceNames => new(GrainSources.Load().Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void DamagedGrainSourcesNeverCrashGeneratorOrAnalyzers(string name)
    {
        string original = GrainSources.Load().Single(s => s.Name == name).Text;
        var random = new Random(Seed ^ Mutator.StableHash(name));
        for (int variant = 0; variant < VariantsPerSource; variant++)
        {
            string damaged = Mutator.Mutate(original, random, DamageKinds[variant % DamageKinds.Length]);

            AnalysisOutcome outcome = AnalyzerHarness.Analyze(damaged);

            Assert.True(
                outcome.GeneratorDiagnostics.All(d => d.Id != "CS8785") && outcome.RunResult.Results.All(r => r.Exception is null),
                $"The generator failed on variant {variant} of {name}:\n{damaged}");
            Assert.True(
                outcome.AnalyzerDiagnostics.All(d => d.Id != "AD0001"),
                $"An analyzer failed on variant {variant} of {name}: {string.Join("; ", outcome.AnalyzerDiagnostics.Where(d => d.Id == "AD0001"))}\n{damaged}");
        }
    }
}
