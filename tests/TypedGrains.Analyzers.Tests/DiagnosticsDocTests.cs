using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>docs/diagnostics.md agrees with the code: its code-fix column, its examples and the types it suggests.</summary>
public sealed class DiagnosticsDocTests
{
    private const string Usings = CodeFixAssert.Usings;

    [Fact]
    public void SummaryTableNamesACodeFixExactlyForTheFixableIds()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "docs", "diagnostics.md"));
        var fixable = typeof(AddPartialCodeFix).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
            .SelectMany(t => ((CodeFixProvider)Activator.CreateInstance(t)!).FixableDiagnosticIds)
            .ToHashSet(StringComparer.Ordinal);
        var rows = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match row in Regex.Matches(docs, @"^\| \[(TG\d{4})\]\(#tg\d{4}\) \|[^|\n]*\|[^|\n]*\|([^|\n]*)\|$", RegexOptions.Multiline))
        {
            rows.Add(row.Groups[1].Value, row.Groups[2].Value.Trim());
        }

        // The generator reports its own internal-error id; its release file lists it.
        string generatorReleases = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "analyzers", "TypedGrains.Generators", "AnalyzerReleases.Unshipped.md"));
        string[] generatorIds = Regex.Matches(generatorReleases, @"^(TG\d{4}) \|", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToArray();
        Assert.NotEmpty(generatorIds);
        string[] described = AnalyzerHarness.Analyzers.SelectMany(a => a.SupportedDiagnostics).Select(d => d.Id)
            .Concat(generatorIds).Distinct().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(described, rows.Keys.Order(StringComparer.Ordinal).ToArray());
        foreach ((string id, string codeFix) in rows)
        {
            Assert.True(fixable.Contains(id) == (codeFix != "—"), $"{id}: the code fix column says '{codeFix}'.");
        }
    }

    [Theory]
    [InlineData("int[] values")]
    [InlineData("System.Collections.Generic.List<int> values")]
    [InlineData("System.Collections.Immutable.ImmutableArray<int> values")]
    [InlineData("System.Collections.Immutable.ImmutableList<int> values")]
    [InlineData("System.Collections.Immutable.ImmutableDictionary<string, int> values")]
    [InlineData("System.DayOfWeek day, System.DateTimeOffset at, decimal amount, byte[] body")]
    public void TypesTheDocsSuggestAreSerializable(string parameters)
    {
        CodeFixAssert.BuildsClean(Usings + "[Grain] public sealed partial class G : Grain<S> { [Call] public int Sum(" + parameters + ") => 0; }\n");
    }

    [Theory]
    [InlineData("System.ReadOnlyMemory<int>")]
    [InlineData("System.Memory<int>")]
    [InlineData("System.Collections.Generic.IReadOnlyList<int>")]
    [InlineData("System.Collections.Generic.HashSet<int>")]
    [InlineData("System.Collections.Immutable.ImmutableHashSet<int>")]
    [InlineData("char")]
    [InlineData("nint")]
    public void TypesTheDocsRejectAreReported(string type)
    {
        AnalysisOutcome outcome = AnalyzerHarness.Analyze(Usings + "[Grain] public sealed partial class G : Grain<S> { [Call] public int Sum(" + type + " values) => 0; }\n");

        Assert.Equal(["TG0100"], outcome.TypedGrains.Select(d => d.Id).ToArray());
    }

    [Fact]
    public async Task BlockingWaitExampleIsFixedAsDocumented()
    {
        // The TG0013 example, with a plain class standing in for the generated reference of another grain.
        const string Other = "public sealed class Other { public ValueTask<int> Get() => new(1); }\n\n";
        const string Grain = "[Grain]\npublic sealed partial class Shop : Grain<S>\n{\n    private readonly Other _other = new();\n\n";

        await CodeFixAssert.FixesAsync(
            new BlockingWaitCodeFix(), "TG0013", BlockingWaitCodeFix.EquivalenceKey,
            Other + Grain + "    [Call] public int Total() => _other.Get().AsTask().Result;\n}\n",
            Other + Grain + "    [Call] public async ValueTask<int> Total() => await _other.Get().AsTask();\n}\n");
    }
}
