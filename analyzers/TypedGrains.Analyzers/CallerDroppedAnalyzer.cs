using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Warns when a deferred call handler never uses its <c>Caller&lt;T&gt;</c>: it does not reply to it, keep it or pass
/// it on, so the caller waits forever. Any use of the parameter, or a throw (the caller gets the exception), counts,
/// which keeps the check free of false alarms.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallerDroppedAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CallerDropped);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        start.RegisterOperationBlockStartAction(block => AnalyzeBlock(block, known));
    }

    private static void AnalyzeBlock(OperationBlockStartAnalysisContext context, GrainKnownTypes known)
    {
        if (context.OwningSymbol is not IMethodSymbol { MethodKind: MethodKind.Ordinary } method
            || !GrainSymbols.HasAttribute(method, known.CallAttribute)
            || !GrainSymbols.IsHandler(method, known))
        {
            return;
        }

        IParameterSymbol? caller = null;
        foreach (IParameterSymbol parameter in method.Parameters)
        {
            if (parameter.Type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.Caller))
            {
                caller = parameter;
                break;
            }
        }

        if (caller is null)
        {
            return;
        }

        var used = new UsageFlag();
        context.RegisterOperationAction(
            operationContext =>
            {
                if (SymbolEqualityComparer.Default.Equals(((IParameterReferenceOperation)operationContext.Operation).Parameter, caller))
                {
                    used.Set();
                }
            },
            OperationKind.ParameterReference);

        // A handler that throws answers its caller with the exception.
        context.RegisterOperationAction(_ => used.Set(), OperationKind.Throw);
        context.RegisterOperationBlockEndAction(end =>
        {
            if (!used.IsSet && !caller.Locations.IsEmpty)
            {
                end.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.CallerDropped, caller.Locations[0], method.Name, caller.Name));
            }
        });
    }

    private sealed class UsageFlag
    {
        private int _set;

        public bool IsSet => System.Threading.Volatile.Read(ref _set) != 0;

        public void Set() => System.Threading.Interlocked.Exchange(ref _set, 1);
    }
}
