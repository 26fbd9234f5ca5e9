using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedGrains.Generators.Tests.Infrastructure;

/// <summary>Builds compilations against the framework and the abstractions, and runs the grain generator on them.</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CreateCompilation(ParseOptions, sources);

    public static CSharpCompilation CreateCompilation(CSharpParseOptions parseOptions, params string[] sources) =>
        CSharpCompilation.Create(
            "TestGrains",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, parseOptions, path: $"Source{i}.cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                allowUnsafe: true,
                deterministic: true));

    public static GeneratorDriver CreateDriver(CSharpParseOptions? parseOptions = null) => CreateDriver(new GrainGenerator(), parseOptions);

    public static GeneratorDriver CreateDriver(GrainGenerator generator, CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: parseOptions ?? ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once on <paramref name="sources"/>.</summary>
    public static GeneratorOutcome Run(params string[] sources) => Run(new GrainGenerator(), sources);

    /// <summary>Runs <paramref name="generator"/> once on <paramref name="sources"/>.</summary>
    public static GeneratorOutcome Run(GrainGenerator generator, params string[] sources)
    {
        CSharpCompilation input = CreateCompilation(sources);
        GeneratorDriver driver = CreateDriver(generator).RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics);
        return new GeneratorOutcome(input, output, diagnostics, driver.GetRunResult());
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        string[] platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return platform
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal))
            .Where(path => path.EndsWith(".dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(GrainAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TypedGrains.Serialization.MessagePackWriter).Assembly.Location))
            .ToImmutableArray();
    }
}

/// <summary>The result of one generator run.</summary>
internal sealed record GeneratorOutcome(
    CSharpCompilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> DriverDiagnostics,
    GeneratorDriverRunResult RunResult)
{
    public GeneratorRunResult Result => RunResult.Results.Single();

    /// <summary>Generated sources by hint name, ordinally sorted.</summary>
    public ImmutableArray<(string HintName, string Text)> Sources =>
        Result.GeneratedSources
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToImmutableArray();

    /// <summary>The per-grain sources, without the files emitted once per assembly.</summary>
    public ImmutableArray<(string HintName, string Text)> GrainSources =>
        Sources.Where(s => !GeneratedFiles.IsAssemblyFile(s.HintName)).ToImmutableArray();

    /// <summary>Fails when the generator threw or reported anything.</summary>
    public GeneratorOutcome AssertGeneratorQuiet()
    {
        Xunit.Assert.Null(Result.Exception);
        Xunit.Assert.Empty(DriverDiagnostics);
        Xunit.Assert.Empty(Result.Diagnostics);
        return this;
    }
}
