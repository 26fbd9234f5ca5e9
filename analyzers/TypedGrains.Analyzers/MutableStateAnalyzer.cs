using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Warns when a grain that derives directly from <c>Grain&lt;TState&gt;</c> chooses a state type that can be changed in
/// place (TG0012), and for each mutable collection held anywhere inside it (TG0018).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableStateAnalyzer : GrainAnalyzer
{
    /// <summary>The diagnostic property holding the state type's metadata name, read by the code fix.</summary>
    public const string StateTypeProperty = "StateType";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MutableState, DiagnosticDescriptors.MutableCollectionInState);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        MutableCollectionTypes collections = MutableCollectionTypes.Create(start.Compilation);
        start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known, collections), SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context, GrainKnownTypes known, MutableCollectionTypes collections)
    {
        var grain = (INamedTypeSymbol)context.Symbol;
        if (!GrainSymbols.IsGrain(grain, known)
            || grain.BaseType is not { } baseType
            || !SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, known.GrainOfTState))
        {
            return;
        }

        ITypeSymbol state = baseType.TypeArguments[0];
        ISymbol? member = StateMutability.FindMutableMember(state, collections);
        IReadOnlyList<MutableCollectionFinding> findings = MutableCollectionFinder.Find(state, Display(state), collections, context.CancellationToken);
        if (member is null && findings.Count == 0)
        {
            return;
        }

        Location location = FindStateArgument(grain, context) ?? (grain.Locations.IsEmpty ? Location.None : grain.Locations[0]);
        if (member is not null)
        {
            ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
                .Add(StateTypeProperty, state.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MutableState,
                location,
                properties,
                Display(state),
                grain.Name,
                member is ITypeSymbol collection ? Display(collection) : member.Name));
        }

        foreach (MutableCollectionFinding finding in findings)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.MutableCollectionInState,
                location,
                FindDeclaredCollection(finding, context.CancellationToken) is { } declaration ? [declaration] : [],
                Display(state),
                grain.Name,
                finding.Path,
                Display(finding.Collection)));
        }
    }

    /// <summary>
    /// The declaration of the member whose own declared type is the collection (not a type parameter standing for it),
    /// when it is declared once in source: the code fix changes that type.
    /// </summary>
    private static Location? FindDeclaredCollection(MutableCollectionFinding finding, CancellationToken cancellationToken)
    {
        if (finding.Member is not { } member
            || member.OriginalDefinition.DeclaringSyntaxReferences.Length != 1
            || !SameCollection(DeclaredType(member.OriginalDefinition), finding.Collection))
        {
            return null;
        }

        return member.OriginalDefinition.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken).GetLocation();
    }

    private static bool SameCollection(ITypeSymbol? declared, ITypeSymbol collection) =>
        declared is IArrayTypeSymbol ? collection is IArrayTypeSymbol
        : declared is INamedTypeSymbol && SymbolEqualityComparer.Default.Equals(declared.OriginalDefinition, collection.OriginalDefinition);

    private static ITypeSymbol? DeclaredType(ISymbol member) => member switch
    {
        IPropertySymbol property => property.Type,
        IFieldSymbol field => field.Type,
        _ => null,
    };

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat);

    private static Location? FindStateArgument(INamedTypeSymbol grain, SymbolAnalysisContext context)
    {
        foreach (SyntaxReference reference in grain.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is not ClassDeclarationSyntax { BaseList: { } baseList })
            {
                continue;
            }

            foreach (BaseTypeSyntax baseTypeSyntax in baseList.Types)
            {
                TypeSyntax type = baseTypeSyntax.Type switch
                {
                    QualifiedNameSyntax qualified => qualified.Right,
                    AliasQualifiedNameSyntax aliased => aliased.Name,
                    TypeSyntax other => other,
                };
                if (type is GenericNameSyntax { TypeArgumentList.Arguments.Count: 1 } generic)
                {
                    return generic.TypeArgumentList.Arguments[0].GetLocation();
                }
            }
        }

        return null;
    }
}
