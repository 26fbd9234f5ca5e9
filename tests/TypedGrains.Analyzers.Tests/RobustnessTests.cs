using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedGrains.Analyzers.Tests.Infrastructure;
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

    public static TheoryData<string> SourceNames => new(GrainSources.Load().Select(s => s.Name));

    [Theory]
    [MemberData(nameof(SourceNames))]
    public void DamagedGrainSourcesNeverCrashGeneratorOrAnalyzers(string name)
    {
        string original = GrainSources.Load().Single(s => s.Name == name).Text;
        var random = new Random(Seed ^ StableHash(name));
        for (int variant = 0; variant < VariantsPerSource; variant++)
        {
            string damaged = Damage(original, random, variant % 3);

            AnalysisOutcome outcome = AnalyzerHarness.Analyze(damaged);

            Assert.True(
                outcome.GeneratorDiagnostics.All(d => d.Id != "CS8785") && outcome.RunResult.Results.All(r => r.Exception is null),
                $"The generator failed on variant {variant} of {name}:\n{damaged}");
            Assert.True(
                outcome.AnalyzerDiagnostics.All(d => d.Id != "AD0001"),
                $"An analyzer failed on variant {variant} of {name}: {string.Join("; ", outcome.AnalyzerDiagnostics.Where(d => d.Id == "AD0001"))}\n{damaged}");
        }
    }

    private static string Damage(string source, Random random, int kind)
    {
        SyntaxNode root = CSharpSyntaxTree.ParseText(source, AnalyzerHarness.ParseOptions).GetRoot();
        switch (kind)
        {
            case 0:
            {
                // Delete a few tokens.
                List<SyntaxToken> tokens = root.DescendantTokens().ToList();
                var deleted = new HashSet<int>();
                int count = 1 + random.Next(4);
                for (int i = 0; i < count; i++)
                {
                    deleted.Add(random.Next(tokens.Count));
                }

                return string.Concat(tokens.Select((t, i) => deleted.Contains(i) ? t.LeadingTrivia.ToFullString() : t.ToFullString()));
            }

            case 1:
                // Truncate anywhere.
                return source.Substring(0, random.Next(source.Length));
            default:
            {
                // Duplicate a member (a method, property or nested type) in place.
                MemberDeclarationSyntax[] members = root.DescendantNodes().OfType<MemberDeclarationSyntax>()
                    .Where(m => m is MethodDeclarationSyntax or PropertyDeclarationSyntax or TypeDeclarationSyntax)
                    .ToArray();
                if (members.Length == 0)
                {
                    return source;
                }

                MemberDeclarationSyntax member = members[random.Next(members.Length)];
                return source.Insert(member.FullSpan.End, member.ToFullString());
            }
        }
    }

    private static int StableHash(string text)
    {
        int hash = 17;
        foreach (char c in text)
        {
            hash = unchecked(hash * 31 + c);
        }

        return hash;
    }
}
