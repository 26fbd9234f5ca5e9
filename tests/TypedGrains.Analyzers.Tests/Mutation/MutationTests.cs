using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.Generators;
using TypedGrains.Generators.Tests;
using Xunit;

namespace TypedGrains.Analyzers.Tests.Mutation;

/// <summary>
/// At least 2,000 seeded mutations of the generator's case grains (<see cref="GrainCases"/>), each run through the
/// generator and every analyzer: no exception (no CS8785, no AD0001), no generated code that fails to compile when the
/// mutated input itself compiles and has no TG error, and the generator's output after the edit, run incrementally from
/// the unmutated source, equal to a fresh run's.
/// </summary>
public sealed class MutationTests
{
    private const int Seed = 20261202;
    private const int TotalMutations = 2_000;

    public static TheoryData<string> CaseNames => new(GrainCases.Sources.Keys);

    private static int MutationsPerCase => (TotalMutations + GrainCases.Sources.Count - 1) / GrainCases.Sources.Count;

    [Fact]
    public void The_suite_runs_at_least_two_thousand_mutations() =>
        Assert.True(MutationsPerCase * GrainCases.Sources.Count >= TotalMutations);

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Mutated_case_grains_never_crash_the_generator_or_an_analyzer_nor_make_uncompilable_code(string name)
    {
        string original = GrainCases.Sources[name];
        SyntaxTree oddTypes = CSharpSyntaxTree.ParseText(Mutator.OddTypesSource, AnalyzerHarness.ParseOptions, path: "OddTypes.cs");
        SyntaxTree originalTree = CSharpSyntaxTree.ParseText(original, AnalyzerHarness.ParseOptions, path: "Case.cs");
        CSharpCompilation baseline = CSharpCompilation.Create("Mutants", [originalTree, oddTypes], AnalyzerHarness.References, AnalyzerHarness.CompilationOptions);
        GeneratorDriver warmed = NewDriver().RunGenerators(baseline);
        var random = new Random(Seed ^ Mutator.StableHash(name));
        var failures = new List<string>();

        for (int mutation = 0; mutation < MutationsPerCase && failures.Count < 3; mutation++)
        {
            int kind = mutation % Mutator.Kinds;
            string mutated = Mutator.Mutate(original, random, kind);
            CSharpCompilation input = baseline.ReplaceSyntaxTree(originalTree, CSharpSyntaxTree.ParseText(mutated, AnalyzerHarness.ParseOptions, path: "Case.cs"));
            string? failure = Check(input, warmed);
            if (failure is not null)
            {
                failures.Add($"mutation {mutation} (kind {kind}) of {name}: {failure}\n{mutated}");
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n\n----\n\n", failures));
    }

    private static string? Check(CSharpCompilation input, GeneratorDriver warmed)
    {
        GeneratorDriver fresh = NewDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        GeneratorRunResult result = fresh.GetRunResult().Results.Single();
        if (result.Exception is not null || generatorDiagnostics.Any(d => d.Id == "CS8785"))
        {
            return "the generator threw: " + (result.Exception?.ToString() ?? string.Join("; ", generatorDiagnostics));
        }

        GeneratorRunResult incremental = warmed.RunGenerators(input).GetRunResult().Results.Single();
        if (!SameOutput(result, incremental))
        {
            return "the incremental run's output differs from a fresh run's";
        }

        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> all = output.WithAnalyzers(AnalyzerHarness.Analyzers, options)
            .GetAllDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        if (all.FirstOrDefault(d => d.Id == "AD0001") is { } crash)
        {
            return "an analyzer threw: " + crash;
        }

        bool tgError = all.Concat(result.Diagnostics).Any(d => d.Id.StartsWith("TG", StringComparison.Ordinal) && d.Severity == DiagnosticSeverity.Error);
        Diagnostic[] generatedErrors = all
            .Where(d => d.Severity == DiagnosticSeverity.Error && d.Location.SourceTree is { } tree && !input.SyntaxTrees.Contains(tree))
            .ToArray();
        if (tgError || generatedErrors.Length == 0)
        {
            return null;
        }

        // Generated code may fail only where the input itself does not compile.
        bool inputCompiles = !input.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error);
        return inputCompiles
            ? "generated code does not compile although the input does and no TG error was reported: " + string.Join("; ", generatedErrors.Take(3))
            : null;
    }

    private static bool SameOutput(GeneratorRunResult fresh, GeneratorRunResult incremental)
    {
        static string[] Texts(GeneratorRunResult run) => run.GeneratedSources
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .Select(s => s.HintName + "\n" + s.SourceText)
            .ToArray();

        static string[] Ids(GeneratorRunResult run) => run.Diagnostics
            .Select(d => d.Id + "@" + d.Location.SourceSpan + ":" + d.GetMessage())
            .Order(StringComparer.Ordinal)
            .ToArray();

        return Texts(fresh).SequenceEqual(Texts(incremental)) && Ids(fresh).SequenceEqual(Ids(incremental));
    }

    private static GeneratorDriver NewDriver() =>
        CSharpGeneratorDriver.Create([new GrainGenerator().AsSourceGenerator()], parseOptions: AnalyzerHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
}
