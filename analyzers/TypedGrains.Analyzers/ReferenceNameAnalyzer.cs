using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Reports grains in different namespaces or types that generate the same reference name (and factory method name),
/// which are ambiguous wherever both are imported.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class ReferenceNameAnalyzer : GrainAnalyzer
{
    private static readonly SymbolDisplayFormat NameFormat = SymbolDisplayFormat.CSharpErrorMessageFormat;

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.DuplicateReferenceName);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        var grains = new ConcurrentBag<INamedTypeSymbol>();
        start.RegisterSymbolAction(
            symbolContext =>
            {
                var type = (INamedTypeSymbol)symbolContext.Symbol;
                if (GrainSymbols.IsGrain(type, known)
                    && GrainRules.Validate(type, known, symbolContext.Compilation, symbolContext.CancellationToken, GrainSymbols.IsGeneratedByTypedGrains) == GrainRuleViolation.None)
                {
                    grains.Add(type);
                }
            },
            SymbolKind.NamedType);
        start.RegisterCompilationEndAction(end => ReportDuplicates(end, grains));
    }

    private static void ReportDuplicates(CompilationAnalysisContext context, IEnumerable<INamedTypeSymbol> grains)
    {
        IEnumerable<IGrouping<string, INamedTypeSymbol>> groups = grains
            .GroupBy(GeneratedReferences.NameOf, StringComparer.Ordinal)
            .Where(g => g.Count() > 1);
        foreach (IGrouping<string, INamedTypeSymbol> group in groups)
        {
            INamedTypeSymbol[] sorted = group
                .OrderBy(g => g.ToDisplayString(NameFormat), StringComparer.Ordinal)
                .ToArray();
            for (int i = 1; i < sorted.Length; i++)
            {
                Location location = sorted[i].Locations.IsEmpty ? Location.None : sorted[i].Locations[0];
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.DuplicateReferenceName,
                    location,
                    sorted[i].ToDisplayString(NameFormat),
                    sorted[0].ToDisplayString(NameFormat),
                    group.Key,
                    sorted[i].Name));
            }
        }
    }
}
