using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// The shape every TypedGrains analyzer shares: generated code is not analyzed, analysis runs concurrently, and the
/// TypedGrains symbols are resolved once per compilation — which is skipped when it does not reference TypedGrains.
/// </summary>
public abstract class GrainAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            GrainKnownTypes? known = GrainKnownTypes.Create(start.Compilation);
            if (known is not null)
            {
                RegisterActions(start, known);
            }
        });
    }

    /// <summary>Registers the analyzer's actions for a compilation that references TypedGrains.</summary>
    /// <param name="start">The compilation-start context.</param>
    /// <param name="known">The TypedGrains symbols of the compilation.</param>
    private protected abstract void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known);
}
