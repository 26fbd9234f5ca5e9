using System;
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

namespace TypedGrains.Analyzers.Tests.Infrastructure;

/// <summary>Applies code fixes in an <see cref="AdhocWorkspace"/>: one diagnostic at a time, or fix-all in the document.</summary>
internal static class CodeFixHarness
{
    /// <summary>Applies the fix with <paramref name="equivalenceKey"/> to the first diagnostic with <paramref name="id"/>; returns every document's text.</summary>
    public static async Task<string[]> ApplyAsync(CodeFixProvider provider, string id, string equivalenceKey, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        Project project = CreateProject(workspace, sources);
        ImmutableArray<Diagnostic> diagnostics = await GetDiagnosticsAsync(project, id);
        Diagnostic diagnostic = diagnostics.First();
        Document document = project.GetDocument(diagnostic.Location.SourceTree)!;

        var actions = new List<CodeAction>();
        var context = new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
        await provider.RegisterCodeFixesAsync(context);
        CodeAction chosen = actions.Single(a => a.EquivalenceKey == equivalenceKey);
        Solution fixedSolution = await ApplyAsync(chosen, project.Solution);
        return await TextsAsync(fixedSolution.GetProject(project.Id)!);
    }

    /// <summary>Fixes every diagnostic with <paramref name="id"/> in the project through the provider's fix-all provider.</summary>
    public static async Task<string[]> FixAllAsync(CodeFixProvider provider, string id, string equivalenceKey, params string[] sources)
    {
        using var workspace = new AdhocWorkspace();
        Project project = CreateProject(workspace, sources);
        ImmutableArray<Diagnostic> diagnostics = await GetDiagnosticsAsync(project, id);
        Document document = project.GetDocument(diagnostics.First().Location.SourceTree)!;
        FixAllProvider fixAll = provider.GetFixAllProvider()!;
        var fixAllContext = new FixAllContext(
            document, provider, FixAllScope.Project, equivalenceKey, [id], new Provider(diagnostics), CancellationToken.None);
        CodeAction action = (await fixAll.GetFixAsync(fixAllContext))!;
        Solution fixedSolution = await ApplyAsync(action, project.Solution);
        return await TextsAsync(fixedSolution.GetProject(project.Id)!);
    }

    private static async Task<Solution> ApplyAsync(CodeAction action, Solution solution)
    {
        ImmutableArray<CodeActionOperation> operations = await action.GetOperationsAsync(CancellationToken.None);
        return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
    }

    private static Project CreateProject(AdhocWorkspace workspace, string[] sources)
    {
        Project project = workspace.CurrentSolution
            .AddProject("Fixes", "Fixes", LanguageNames.CSharp)
            .WithMetadataReferences(AnalyzerHarness.References)
            .WithParseOptions(AnalyzerHarness.ParseOptions)
            .WithCompilationOptions(AnalyzerHarness.CompilationOptions);
        for (int i = 0; i < sources.Length; i++)
        {
            project = project.AddDocument($"Source{i}.cs", SourceText.From(sources[i]), filePath: $"/Fixes/Source{i}.cs").Project;
        }

        return project;
    }

    private static async Task<ImmutableArray<Diagnostic>> GetDiagnosticsAsync(Project project, string id)
    {
        Compilation compilation = (await project.GetCompilationAsync())!;
        ImmutableArray<Diagnostic> diagnostics = await compilation.WithAnalyzers(AnalyzerHarness.Analyzers).GetAnalyzerDiagnosticsAsync();
        return diagnostics.Where(d => d.Id == id).OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToImmutableArray();
    }

    private static async Task<string[]> TextsAsync(Project project)
    {
        var texts = new List<string>();
        foreach (Document document in project.Documents.OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            texts.Add((await document.GetTextAsync()).ToString());
        }

        return texts.ToArray();
    }

    private sealed class Provider(ImmutableArray<Diagnostic> diagnostics) : FixAllContext.DiagnosticProvider
    {
        public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics);

        public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
        {
            SyntaxTree? tree = await document.GetSyntaxTreeAsync(cancellationToken);
            return diagnostics.Where(d => d.Location.SourceTree == tree);
        }

        public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken) =>
            Task.FromResult<IEnumerable<Diagnostic>>(diagnostics.Where(d => d.Location == Location.None));
    }
}
