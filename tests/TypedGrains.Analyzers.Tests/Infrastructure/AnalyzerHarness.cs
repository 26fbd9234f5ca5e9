using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers.Tests.Infrastructure;

/// <summary>Compiles sources, runs the grain generator on them, then every TypedGrains analyzer on the result.</summary>
internal static class AnalyzerHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(LoadReferences);

    /// <summary>Every analyzer of the TypedGrains.Analyzers assembly.</summary>
    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(DiagnosticDescriptors).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
        .OrderBy(t => t.Name, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static ImmutableArray<MetadataReference> References => LazyReferences.Value;

    public static CSharpCompilation CreateCompilation(params string[] sources) =>
        CSharpCompilation.Create(
            "TestGrains",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"Source{i}.cs")),
            References,
            CompilationOptions);

    public static CSharpCompilationOptions CompilationOptions { get; } = new(
        OutputKind.DynamicallyLinkedLibrary,
        nullableContextOptions: NullableContextOptions.Enable,
        allowUnsafe: true,
        deterministic: true);

    /// <summary>Runs the generator, then the analyzers; returns the analyzer diagnostics and the generated compilation.</summary>
    public static AnalysisOutcome Analyze(params string[] sources) => Analyze(CreateCompilation(sources));

    /// <summary>Runs the generator, then the analyzers, on <paramref name="input"/>.</summary>
    public static AnalysisOutcome Analyze(Compilation input)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new GrainGenerator().AsSourceGenerator()], parseOptions: ParseOptions)
            .RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> generatorDiagnostics);
        var options = new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false, reportSuppressedDiagnostics: false);
        ImmutableArray<Diagnostic> analyzerDiagnostics = output.WithAnalyzers(Analyzers, options)
            .GetAnalyzerDiagnosticsAsync(CancellationToken.None).GetAwaiter().GetResult();
        return new AnalysisOutcome(output, generatorDiagnostics, driver.GetRunResult(), analyzerDiagnostics);
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
            .Concat(new[] { "TypedGrains.Abstractions.dll", "TypedGrains.Serialization.dll" }
                .Select(name => Path.Combine(AppContext.BaseDirectory, name))
                .Where(File.Exists)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)))
            .ToImmutableArray();
    }
}

/// <summary>The result of running the generator and the analyzers once.</summary>
internal sealed record AnalysisOutcome(
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    GeneratorDriverRunResult RunResult,
    ImmutableArray<Diagnostic> AnalyzerDiagnostics)
{
    /// <summary>The TG diagnostics, ordered by position.</summary>
    public ImmutableArray<Diagnostic> TypedGrains => AnalyzerDiagnostics
        .Where(d => d.Id.StartsWith("TG", StringComparison.Ordinal))
        .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
        .ThenBy(d => d.Location.SourceSpan.Start)
        .ThenBy(d => d.Id, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>The compiler errors of the generated compilation.</summary>
    public ImmutableArray<Diagnostic> CompilerErrors => Output.GetDiagnostics()
        .Where(d => d.Severity == DiagnosticSeverity.Error)
        .ToImmutableArray();
}
