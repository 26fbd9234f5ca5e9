using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>Reports <c>[Tick]</c> methods the generator cannot give a token (TG0019), by the rules of <see cref="TickRules"/>.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class TickHandlerAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.InvalidTickHandler);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        if (known.TickAttribute is { } tick)
        {
            start.RegisterSymbolAction(symbolContext => AnalyzeMethod(symbolContext, known, tick), SymbolKind.Method);
        }
    }

    private static void AnalyzeMethod(SymbolAnalysisContext context, GrainKnownTypes known, INamedTypeSymbol tick)
    {
        var method = (IMethodSymbol)context.Symbol;
        if (!GrainSymbols.HasAttribute(method, tick))
        {
            return;
        }

        string? reason = method.ContainingType is { } type && !GrainSymbols.IsGrain(type, known)
            ? "is declared outside a [Grain] class, so nothing calls it"
            : TickRules.Check(method, known, out _) switch
            {
                TickRuleViolation.AlsoMessageHandler => "is also a [Call] or [Cast] handler; a tick handler is only called by timers and reminders",
                TickRuleViolation.NotInstanceMethod => "must be an ordinary, non-generic instance method",
                TickRuleViolation.HasParameters => "takes parameters; a tick handler takes none",
                TickRuleViolation.WrongReturn => $"returns '{method.ReturnType.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat)}'; a tick handler returns void, Task or ValueTask",
                _ => null,
            };
        if (reason is not null && !method.Locations.IsEmpty)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InvalidTickHandler, method.Locations[0], method.Name, reason));
        }
    }
}
