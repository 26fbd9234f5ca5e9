using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>Reports <c>[Call]</c>/<c>[Cast]</c> methods declared outside a <c>[Grain]</c> class, which are never dispatched.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class HandlerPlacementAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.HandlerOutsideGrain);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, known), SymbolKind.Method);
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, GrainKnownTypes known)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (method.ContainingType is not { } type || GrainSymbols.IsGrain(type, known))
        {
            return;
        }

        string? attribute = GrainSymbols.HasAttribute(method, known.CallAttribute) ? "Call"
            : GrainSymbols.HasAttribute(method, known.CastAttribute) ? "Cast"
            : null;
        if (attribute is null)
        {
            return;
        }

        Location location = method.AssociatedSymbol is { Locations.IsEmpty: false } property ? property.Locations[0]
            : method.Locations.IsEmpty ? Location.None : method.Locations[0];
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.HandlerOutsideGrain, location, method.Name, attribute, type.Name));
    }
}
