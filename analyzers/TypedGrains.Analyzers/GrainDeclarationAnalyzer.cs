using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Reports why the generator skips a <c>[Grain]</c> class, using the rules it shares with the generator
/// (<see cref="GrainRules"/>): the grain-level violation and every invalid handler, and warns about grains without handlers.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class GrainDeclarationAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.GrainNotPartial,
        DiagnosticDescriptors.ContainingTypeNotPartial,
        DiagnosticDescriptors.InvalidGrainDeclaration,
        DiagnosticDescriptors.GrainWithoutHandlers,
        DiagnosticDescriptors.CastReturnsValue,
        DiagnosticDescriptors.UnsupportedHandlerParameter,
        DiagnosticDescriptors.UnsupportedHandler,
        DiagnosticDescriptors.DuplicateHandlerName,
        DiagnosticDescriptors.MethodIdCollision);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known), SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context, GrainKnownTypes known)
    {
        var grain = (INamedTypeSymbol)context.Symbol;
        if (!GrainSymbols.IsGrain(grain, known))
        {
            return;
        }

        GrainRuleViolation violation = GrainRules.CheckGrainType(grain, known, context.Compilation, context.CancellationToken, GrainSymbols.IsGeneratedByTypedGrains);
        switch (violation)
        {
            case GrainRuleViolation.None:
                if (!HasHandlersInHierarchy(grain, known))
                {
                    Report(context, DiagnosticDescriptors.GrainWithoutHandlers, grain.Locations, grain.Name);
                }

                break;
            case GrainRuleViolation.NotPartial:
                ReportNotPartial(context, grain, DiagnosticDescriptors.GrainNotPartial, grain.Name);
                break;
            case GrainRuleViolation.ContainingTypeNotPartial:
                for (INamedTypeSymbol? outer = grain.ContainingType; outer is not null; outer = outer.ContainingType)
                {
                    ReportNotPartial(context, outer, DiagnosticDescriptors.ContainingTypeNotPartial, outer.Name, grain.Name);
                }

                break;
            default:
                Report(context, DiagnosticDescriptors.InvalidGrainDeclaration, grain.Locations, grain.Name, RuleReasons.Describe(violation));
                break;
        }

        foreach (HandlerProblem problem in GrainRules.GetHandlerProblems(grain, known, context.CancellationToken))
        {
            ReportHandlerProblem(context, grain, problem);
        }
    }

    private static void ReportHandlerProblem(SymbolAnalysisContext context, INamedTypeSymbol grain, HandlerProblem problem)
    {
        IMethodSymbol method = problem.Method;
        switch (problem.Violation)
        {
            case GrainRuleViolation.DuplicateHandlerName:
                Report(context, DiagnosticDescriptors.DuplicateHandlerName, method.Locations, method.Name, grain.Name);
                return;
            case GrainRuleViolation.MethodIdCollision:
                Report(context, DiagnosticDescriptors.MethodIdCollision, method.Locations, method.Name, problem.Earlier?.Name ?? string.Empty, grain.Name);
                return;
        }

        if (problem.HandlerViolation == HandlerRuleViolation.CastReturnsValue)
        {
            Report(context, DiagnosticDescriptors.CastReturnsValue, method.Locations, method.Name, method.ReturnType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat));
        }
        else if (RuleReasons.IsParameterRule(problem.HandlerViolation) && problem.Parameter is { } parameter)
        {
            Report(context, DiagnosticDescriptors.UnsupportedHandlerParameter, parameter.Locations, method.Name, parameter.Name, RuleReasons.Describe(problem.HandlerViolation));
        }
        else
        {
            ImmutableArray<Location> locations = method.Locations;
            if (method.AssociatedSymbol is { } property && !property.Locations.IsEmpty)
            {
                locations = property.Locations;
            }

            Report(context, DiagnosticDescriptors.UnsupportedHandler, locations, method.Name, RuleReasons.Describe(problem.HandlerViolation));
        }

    }

    private static void ReportNotPartial(SymbolAnalysisContext context, INamedTypeSymbol type, DiagnosticDescriptor descriptor, params object[] arguments)
    {
        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(context.CancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                context.ReportDiagnostic(Diagnostic.Create(descriptor, declaration.Identifier.GetLocation(), arguments));
            }
        }
    }

    private static bool HasHandlersInHierarchy(INamedTypeSymbol grain, GrainKnownTypes known)
    {
        for (INamedTypeSymbol? type = grain; type is not null && !GrainRules.IsGrainBase(type, known); type = type.BaseType)
        {
            foreach (ISymbol member in type.GetMembers())
            {
                if (member is IMethodSymbol method && GrainSymbols.HasHandlerAttribute(method, known))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static void Report(SymbolAnalysisContext context, DiagnosticDescriptor descriptor, ImmutableArray<Location> locations, params object[] arguments)
    {
        Location location = locations.IsEmpty ? Location.None : locations[0];
        IEnumerable<Location>? additional = locations.Length > 1 ? locations.RemoveAt(0) : null;
        context.ReportDiagnostic(Diagnostic.Create(descriptor, location, additional, arguments));
    }

}
