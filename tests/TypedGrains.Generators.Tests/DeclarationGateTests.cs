using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// The models are parsed again only when a declaration changed: an edit inside a method body reuses them all (Cached,
/// not re-run), and every edit a model can see, in any file, regenerates.
/// </summary>
public sealed class DeclarationGateTests
{
    private const string Grain = """
        using System.Threading.Tasks;
        using TypedGrains;
        using Samples.State;

        namespace Samples;

        [Grain(Provider = "memory")]
        public sealed partial class Counter : Grain<CounterState>
        {
            [Call] public int Get() => State.Count;
            [Cast] public void Increment()
            {
                State = State with { Count = State.Count + 1 };
            }
        }
        """;

    private const string State = """
        namespace Samples.State
        {
            public sealed record CounterState(int Count = 0);
        }

        namespace Samples.Other
        {
            public sealed record CounterState(long Count = 0);
        }
        """;

    [Fact]
    public void ABodyEditReusesEveryModelWithoutParsing()
    {
        GeneratorRunResult result = Edit(0, "State = State with { Count = State.Count + 1 };", "int next = State.Count + 2;\n        State = State with { Count = next };\n        SaveState();");

        Assert.All(ModelReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
        Assert.All(result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs), o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void AnExpressionBodyEditReusesEveryModel()
    {
        GeneratorRunResult result = Edit(0, "=> State.Count;", "=> State.Count * 2;");

        Assert.All(ModelReasons(result), reason => Assert.Equal(IncrementalStepRunReason.Cached, reason));
    }

    [Fact]
    public void AStateTypeEditInAnotherFileRegenerates()
    {
        GeneratorRunResult result = Edit(1, "record CounterState(int Count = 0)", "record CounterState(int Count = 0, string Label = \"\")");

        Assert.Contains(IncrementalStepRunReason.Modified, ModelReasons(result));
        Assert.Contains(result.GeneratedSources, s => s.SourceText.ToString().Contains("Label", StringComparison.Ordinal));
    }

    [Fact]
    public void AUsingEditRegenerates()
    {
        GeneratorRunResult result = Edit(0, "using Samples.State;", "using Samples.Other;");

        Assert.Contains(IncrementalStepRunReason.Modified, ModelReasons(result));
        Assert.Contains("global::Samples.Other.CounterState", result.GeneratedSources.GrainFiles().Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAttributeArgumentEditRegenerates()
    {
        GeneratorRunResult result = Edit(0, "Provider = \"memory\"", "Provider = \"durable\"");

        Assert.Contains(IncrementalStepRunReason.Modified, ModelReasons(result));
        Assert.Contains("\"durable\"", result.GeneratedSources.GrainFiles().Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ADocCommentEditRegenerates()
    {
        GeneratorRunResult result = Edit(0, "[Call] public int Get()", "/// <summary>Reads the count.</summary>\n    [Call] public int Get()");

        Assert.Contains(IncrementalStepRunReason.Modified, ModelReasons(result));
        Assert.Contains("Reads the count.", result.GeneratedSources.GrainFiles().Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void AnAwaitAddedInsideABodyRegenerates()
    {
        string before = Run(Compilation()).GeneratedSources.GrainFiles().Single().SourceText.ToString();
        GeneratorRunResult result = Edit(0, "State = State with { Count = State.Count + 1 };", "_ = Task.Run(async () => await Task.Yield());");

        Assert.Contains("RunsSynchronously => true", before, StringComparison.Ordinal);
        Assert.Contains(IncrementalStepRunReason.Modified, ModelReasons(result));
        Assert.DoesNotContain("RunsSynchronously", result.GeneratedSources.GrainFiles().Single().SourceText.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ChangedCompilationOptionsParseAgain()
    {
        CSharpCompilation compilation = Compilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        GeneratorRunResult result = driver.RunGenerators(compilation.WithOptions(compilation.Options.WithNullableContextOptions(NullableContextOptions.Disable)))
            .GetRunResult().Results.Single();

        Assert.DoesNotContain(IncrementalStepRunReason.Cached, ModelReasons(result));
    }

    [Fact]
    public void ChangedReferencesParseAgain()
    {
        CSharpCompilation compilation = Compilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        MetadataReference extra = MetadataReference.CreateFromFile(typeof(ImmutableArray).Assembly.Location);

        GeneratorRunResult result = driver.RunGenerators(compilation.AddReferences(extra)).GetRunResult().Results.Single();

        Assert.DoesNotContain(IncrementalStepRunReason.Cached, ModelReasons(result));
    }

    [Fact]
    public void TheFingerprintIgnoresBodiesButKeepsDeclarationsAsyncMarkersAndDirectives()
    {
        static string Of(string source) => DeclarationFingerprint.Compute(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions).GetRoot());

        string original = Of("class C { int P { get { return 1; } } void M() { A(); } int N() => 1; }");

        Assert.Equal(original, Of("class C { int P { get { return 2; } } void M() {\n A();\n B(); } int N() => 2; }"));
        Assert.NotEqual(original, Of("class C { int P { get { return 1; } } void M(int x) { A(); } int N() => 1; }"));
        Assert.NotEqual(original, Of("class C { int P { get { return 1; } } void M() { A(async () => { }); } int N() => 1; }"));
        Assert.NotEqual(original, Of("class C { int P { get; } void M() { A(); } int N() => 1; }"));
        Assert.NotEqual(original, Of("class C { int P { get { return 1; } } /// <summary>M.</summary>\n void M() { A(); } int N() => 1; }"));

        // A directive inside a body holds for the declarations after it.
        Assert.NotEqual(original, Of("class C { int P { get { return 1; } } void M() { A();\n#nullable disable\n } int N() => 1; }"));
    }

    private static CSharpCompilation Compilation() => GeneratorHarness.CreateCompilation(Grain, State);

    private static GeneratorRunResult Run(Compilation compilation) =>
        GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single();

    /// <summary>Runs on the two files, then again with <paramref name="find"/> replaced in tree <paramref name="tree"/>.</summary>
    private static GeneratorRunResult Edit(int tree, string find, string replace)
    {
        CSharpCompilation compilation = Compilation();
        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        SyntaxTree old = compilation.SyntaxTrees[tree];
        string text = old.GetText().ToString();
        Assert.Contains(find, text, StringComparison.Ordinal);
        SyntaxTree edited = old.WithChangedText(SourceText.From(text.Replace(find, replace, StringComparison.Ordinal)));
        GeneratorRunResult result = driver.RunGenerators(compilation.ReplaceSyntaxTree(old, edited)).GetRunResult().Results.Single();
        Assert.Empty(result.Diagnostics);
        return result;
    }

    private static IncrementalStepRunReason[] ModelReasons(GeneratorRunResult result) =>
        result.TrackedSteps[GrainGeneratorStepNames.GrainModels].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
}
