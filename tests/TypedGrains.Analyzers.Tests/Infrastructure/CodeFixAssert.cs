using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace TypedGrains.Analyzers.Tests.Infrastructure;

/// <summary>Assertions shared by the code-fix tests: before/after text, a clean build of the result, and which fixes are offered.</summary>
internal static class CodeFixAssert
{
    /// <summary>The start of every single-document case.</summary>
    public const string Usings = "using System.Threading.Tasks;\nusing TypedGrains;\n\nnamespace Cases;\n\npublic sealed record S(int Count = 0);\n\n";

    /// <summary>
    /// The source (after <see cref="Usings"/>) reports <paramref name="id"/> and compiles (but for missing
    /// <c>partial</c>); the fix with <paramref name="key"/> turns it into <paramref name="after"/>, which builds clean.
    /// </summary>
    public static async Task FixesAsync(
        CodeFixProvider provider, string id, string key, string before, string after, bool allowCompilerErrorsBefore = false)
    {
        AnalysisOutcome beforeOutcome = AnalyzerHarness.Analyze(Usings + before);
        Assert.Contains(beforeOutcome.TypedGrains, d => d.Id == id);
        if (!allowCompilerErrorsBefore)
        {
            Assert.Empty(beforeOutcome.CompilerErrors.Where(d => d.Id != "CS0260"));
        }

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(provider, id, key, Usings + before);

        Assert.Equal(Usings + after, fixedTexts.Single());
        BuildsClean(fixedTexts);
    }

    /// <summary>The sources compile without errors, TG diagnostics or generator diagnostics.</summary>
    public static void BuildsClean(params string[] texts)
    {
        AnalysisOutcome outcome = AnalyzerHarness.Analyze(texts);
        Assert.Empty(outcome.CompilerErrors);
        Assert.Empty(outcome.TypedGrains);
        Assert.Empty(outcome.GeneratorDiagnostics);
    }

    /// <summary>The source (after <see cref="Usings"/>) reports <paramref name="id"/>, and <paramref name="provider"/> offers nothing for any of them.</summary>
    public static async Task NotOfferedAsync(CodeFixProvider provider, string id, string source)
    {
        using var workspace = new AdhocWorkspace();
        Document document = workspace.CurrentSolution
            .AddProject("Fixes", "Fixes", LanguageNames.CSharp)
            .WithMetadataReferences(AnalyzerHarness.References)
            .WithParseOptions(AnalyzerHarness.ParseOptions)
            .WithCompilationOptions(AnalyzerHarness.CompilationOptions)
            .AddDocument("Source0.cs", SourceText.From(Usings + source), filePath: "/Fixes/Source0.cs");
        Compilation compilation = (await document.Project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = (await compilation.WithAnalyzers(AnalyzerHarness.Analyzers).GetAnalyzerDiagnosticsAsync())
            .Where(d => d.Id == id)
            .ToImmutableArray();
        Assert.NotEmpty(diagnostics);

        var actions = new List<CodeAction>();
        foreach (Diagnostic diagnostic in diagnostics)
        {
            await provider.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        }

        Assert.Empty(actions);
    }
}
