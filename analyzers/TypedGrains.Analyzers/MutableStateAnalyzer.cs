using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>Warns when a grain that derives directly from <c>Grain&lt;TState&gt;</c> chooses a state type that can be changed in place.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableStateAnalyzer : GrainAnalyzer
{
    /// <summary>The diagnostic property holding the state type's metadata name, read by the code fix.</summary>
    public const string StateTypeProperty = "StateType";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.MutableState);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known), SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context, GrainKnownTypes known)
    {
        var grain = (INamedTypeSymbol)context.Symbol;
        if (!GrainSymbols.IsGrain(grain, known)
            || grain.BaseType is not { } baseType
            || !SymbolEqualityComparer.Default.Equals(baseType.OriginalDefinition, known.GrainOfTState))
        {
            return;
        }

        ITypeSymbol state = baseType.TypeArguments[0];
        if (StateMutability.FindMutableMember(state) is not { } member)
        {
            return;
        }

        Location location = FindStateArgument(grain, context) ?? (grain.Locations.IsEmpty ? Location.None : grain.Locations[0]);
        ImmutableDictionary<string, string?> properties = ImmutableDictionary<string, string?>.Empty
            .Add(StateTypeProperty, state.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.MutableState,
            location,
            properties,
            state.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat),
            grain.Name,
            member is ITypeSymbol array ? array.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat) : member.Name));
    }

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
