using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>The pipeline caches its steps, keeps no Roslyn objects in them, and produces deterministic output.</summary>
public sealed class CacheabilityTests
{
    private static readonly string[] StepNames = typeof(GrainGeneratorStepNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string Counter => GrainCases.Sources["ContractCounter"];

    [Fact]
    public void EveryStepIsTracked()
    {
        GeneratorRunResult result = RunOnce(GeneratorHarness.CreateCompilation(Counter));

        Assert.NotEmpty(StepNames);
        foreach (string step in StepNames)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"Step '{step}' is not tracked.");
            Assert.NotEmpty(result.TrackedSteps[step]);
        }
    }

    [Fact]
    public void SecondRunOnClonedCompilationIsCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Counter, GrainCases.Sources["NestedGrain"]);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        GeneratorRunResult first = driver.GetRunResult().Results.Single();

        driver = driver.RunGenerators(compilation.Clone());
        GeneratorRunResult second = driver.GetRunResult().Results.Single();

        Assert.Equal(2, first.GeneratedSources.GrainFiles().Length);
        AssertAllCachedOrUnchanged(second, StepNames);
        AssertOutputsCached(second);
    }

    [Fact]
    public void StepOutputsHoldNoRoslynObjects()
    {
        string[] sources = GrainCases.Sources.Values.ToArray();
        GeneratorRunResult result = RunOnce(GeneratorHarness.CreateCompilation(sources));

        var problems = new List<string>();
        foreach (string step in StepNames)
        {
            foreach (IncrementalGeneratorRunStep run in result.TrackedSteps[step])
            {
                foreach ((object value, IncrementalStepRunReason _) in run.Outputs)
                {
                    problems.AddRange(ForbiddenTypeWalker.FindForbidden(value, step));
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void WalkerFindsForbiddenObjects()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Counter);
        var graph = new { Items = new object[] { "text", compilation.SyntaxTrees[0].GetRoot() }, Compilation = compilation };

        List<string> problems = ForbiddenTypeWalker.FindForbidden(graph, "graph");

        Assert.Equal(2, problems.Count);
    }

    [Fact]
    public void AddingAnUnrelatedTreeKeepsGrainStepsCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Counter);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        CSharpCompilation changed = compilation.AddSyntaxTrees(
            CSharpSyntaxTree.ParseText("namespace Other; public sealed class Unrelated { public int Value => 1; }", GeneratorHarness.ParseOptions));
        GeneratorRunResult result = driver.RunGenerators(changed).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result, StepNames);
        AssertOutputsCached(result);
    }

    [Fact]
    public void EditingAnUnrelatedTreeKeepsGrainStepsCached()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Counter, "namespace Other; public sealed class Unrelated { }");
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree unrelated = compilation.SyntaxTrees[1];
        SyntaxTree edited = unrelated.WithChangedText(unrelated.GetText().Replace(0, 0, "// an edit\n"));
        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(unrelated, edited)).GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result, StepNames);
        AssertOutputsCached(result);
    }

    [Fact]
    public void EditingAHandlerBodyLeavesTheModelUnchanged()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Counter);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees[0];
        string text = tree.GetText().ToString().Replace("=> State.Count;", "=> State.Count + 0;", StringComparison.Ordinal);
        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text))))
            .GetRunResult().Results.Single();

        AssertAllCachedOrUnchanged(result, StepNames);
        AssertOutputsCached(result);
    }

    [Fact]
    public void AddingAHandlerModifiesTheModel()
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation(Counter);
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        SyntaxTree tree = compilation.SyntaxTrees[0];
        string text = tree.GetText().ToString().Replace("[Call] public int Get()", "[Call] public int Peek() => 0;\n    [Call] public int Get()", StringComparison.Ordinal);
        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text))))
            .GetRunResult().Results.Single();

        Assert.Contains(result.TrackedSteps[GrainGeneratorStepNames.GrainModels].SelectMany(s => s.Outputs), o => o.Reason == IncrementalStepRunReason.Modified);
        Assert.Contains("Peek", result.GeneratedSources.GrainFiles().Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void TwoRunsProduceIdenticalBytes()
    {
        string[] sources = GrainCases.Sources.Values.ToArray();
        ImmutableArray<GeneratedSourceResult> first = RunOnce(GeneratorHarness.CreateCompilation(sources)).GeneratedSources;
        ImmutableArray<GeneratedSourceResult> second = RunOnce(GeneratorHarness.CreateCompilation(sources)).GeneratedSources;

        Assert.Equal(first.Select(s => s.HintName), second.Select(s => s.HintName));
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i].SourceText.ToString(), second[i].SourceText.ToString());
            Assert.Equal(first[i].SourceText.GetChecksum().ToArray(), second[i].SourceText.GetChecksum().ToArray());
        }
    }

    [Fact]
    public void OutputDoesNotDependOnTheDocumentationMode()
    {
        string source = GrainCases.Sources["DocComments"];
        foreach (DocumentationMode mode in new[] { DocumentationMode.None, DocumentationMode.Parse })
        {
            CSharpParseOptions options = GeneratorHarness.ParseOptions.WithDocumentationMode(mode);
            string expected = RunOnce(GeneratorHarness.CreateCompilation(source)).GeneratedSources.GrainFiles().Single().SourceText.ToString();
            string actual = GeneratorHarness.CreateDriver(options)
                .RunGenerators(GeneratorHarness.CreateCompilation(options, source))
                .GetRunResult().Results.Single().GeneratedSources.GrainFiles().Single().SourceText.ToString();

            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void OutputDoesNotDependOnTheOrderOfHandlersOrSourceFiles()
    {
        string reordered = """
            using System.Threading.Tasks;
            using TypedGrains;

            namespace Samples;

            public sealed record CounterState(int Count = 0);

            [Grain(Provider = "memory")]
            public sealed partial class Counter : Grain<CounterState>
            {
                [Call] public void Wait(Caller<int> caller) { Reply(caller, State.Count); }
                [Cast] public void Add(int amount, string @event) { State = State with { Count = State.Count + amount }; CastToSelf.Increment(); }
                [Cast] public void Increment() { State = State with { Count = State.Count + 1 }; SaveState(); }
                [Call] public void Reset() { State = new CounterState(); SaveState(); }
                [Call] public async Task<int> GetAsync() { await Task.Yield(); return State.Count; }
                [Call] public int Get() => State.Count;
            }
            """;

        string expected = RunOnce(GeneratorHarness.CreateCompilation(Counter)).GeneratedSources.GrainFiles().Single().SourceText.ToString();
        string actual = RunOnce(GeneratorHarness.CreateCompilation(reordered)).GeneratedSources.GrainFiles().Single().SourceText.ToString();

        Assert.Equal(expected, actual);
    }

    private static GeneratorRunResult RunOnce(Compilation compilation) =>
        GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

    private static void AssertAllCachedOrUnchanged(GeneratorRunResult result, IEnumerable<string> stepNames)
    {
        foreach (string step in stepNames)
        {
            Assert.True(result.TrackedSteps.TryGetValue(step, out ImmutableArray<IncrementalGeneratorRunStep> runs), $"Step '{step}' did not run.");
            foreach (IncrementalGeneratorRunStep run in runs)
            {
                foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
                {
                    Assert.True(
                        reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                        $"Step '{step}' output was {reason}.");
                }
            }
        }
    }

    private static void AssertOutputsCached(GeneratorRunResult result)
    {
        Assert.NotEmpty(result.TrackedOutputSteps);
        foreach (IncrementalGeneratorRunStep run in result.TrackedOutputSteps.SelectMany(s => s.Value))
        {
            foreach ((object _, IncrementalStepRunReason reason) in run.Outputs)
            {
                Assert.Equal(IncrementalStepRunReason.Cached, reason);
            }
        }
    }
}
