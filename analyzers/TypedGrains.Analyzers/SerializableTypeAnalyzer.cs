using System.Collections.Generic;
using System.Linq;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Reports TG0100 for each grain state, handler argument and reply that reaches a type the generated MessagePack
/// formatters do not support, naming the member path (the rules are the generator's <see cref="SerializableTypeRules"/>).
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class SerializableTypeAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.UnsupportedSerializableType, DiagnosticDescriptors.EndlessType);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        SerializableKnownTypes serializable = SerializableKnownTypes.Create(known);
        start.RegisterSymbolAction(symbolContext => AnalyzeType(symbolContext, known, serializable), SymbolKind.NamedType);
    }

    private static void AnalyzeType(SymbolAnalysisContext context, GrainKnownTypes known, SerializableKnownTypes serializable)
    {
        var grain = (INamedTypeSymbol)context.Symbol;
        if (!GrainSymbols.IsGrain(grain, known)
            || GrainRules.CheckGrainType(grain, known, context.Compilation, context.CancellationToken, GrainSymbols.IsGeneratedByTypedGrains) != GrainRuleViolation.None)
        {
            return;
        }

        // A grain without state (deriving from Grain directly) has only its arguments and replies to check.
        if (GrainRules.GetStateType(grain, known) is { } state)
        {
            Report(context, grain.Locations, SerializableTypeRules.FindProblems(state, state.Name, grain, serializable, context.CancellationToken));
        }

        string referenceName = GeneratedReferences.NameOf(grain);
        foreach (IMethodSymbol method in GrainRules.GetHandlerMethods(grain, known))
        {
            if (GrainRules.CheckHandler(method, referenceName, known, out HandlerSignature signature) != HandlerRuleViolation.None)
            {
                continue;
            }

            for (int i = 0; i < method.Parameters.Length; i++)
            {
                IParameterSymbol parameter = method.Parameters[i];
                if (i != signature.CallerIndex)
                {
                    Report(context, parameter.Locations, SerializableTypeRules.FindProblems(
                        parameter.Type, grain.Name + "." + method.Name + "(" + parameter.Name + ")", method, serializable, context.CancellationToken));
                }
            }

            if (signature.ReplyType is { } reply)
            {
                Report(context, method.Locations, SerializableTypeRules.FindProblems(
                    reply, grain.Name + "." + method.Name + "(return)", method, serializable, context.CancellationToken));
            }
        }
    }

    private static void Report(SymbolAnalysisContext context, ImmutableArray<Location> locations, IReadOnlyList<SerializationProblem> problems)
    {
        Location location = locations.IsEmpty ? Location.None : locations[0];
        foreach (SerializationProblem problem in problems)
        {
            DiagnosticDescriptor descriptor = problem.Kind == SerializationProblemKind.Unsupported
                ? DiagnosticDescriptors.UnsupportedSerializableType
                : DiagnosticDescriptors.EndlessType;

            // The member that reaches the type, where it is declared in source, is an additional location.
            Location[] member = problem.Member?.Locations.Where(l => l.IsInSource && l != location).Take(1).ToArray() ?? [];
            context.ReportDiagnostic(Diagnostic.Create(descriptor, location, member, problem.Path, problem.Reason));
        }
    }
}
