using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Builds the typed call graph of a compilation (handlers awaiting calls made through generated grain references) and
/// warns about each cycle between grains, which deadlocks at run time because grains are not reentrant.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class CallCycleAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.CallCycle);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        var edges = new ConcurrentBag<CallEdge>();
        start.RegisterOperationAction(operationContext => CollectEdge(operationContext, known, edges), OperationKind.Invocation);
        start.RegisterCompilationEndAction(end =>
        {
            foreach (CallGraph.Cycle cycle in CallGraph.FindCycles(edges))
            {
                end.CancellationToken.ThrowIfCancellationRequested();
                end.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.CallCycle,
                    cycle.Edges[0].Location,
                    cycle.Edges.Skip(1).Select(e => e.Location),
                    cycle.Describe()));
            }
        });
    }

    private static void CollectEdge(OperationAnalysisContext context, GrainKnownTypes known, ConcurrentBag<CallEdge> edges)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol target = invocation.TargetMethod;
        if (target.IsStatic
            || target.ReturnsVoid
            || GrainSymbols.GetGrainOfReference(target.ContainingType, known) is not { } calledGrain
            || GrainSymbols.GetEnclosingHandler(context.ContainingSymbol, known) is not { } caller
            || !IsAwaitedOrBlockedOn(invocation))
        {
            return;
        }

        foreach (ISymbol member in calledGrain.GetMembers(target.Name))
        {
            if (member is IMethodSymbol handler && GrainSymbols.HasAttribute(handler, known.CallAttribute))
            {
                edges.Add(new CallEdge(caller, handler, invocation.Syntax.GetLocation()));
                return;
            }
        }
    }

    // The reply is waited for: awaited (possibly through ConfigureAwait/AsTask) or blocked on with .Result/.GetResult().
    private static bool IsAwaitedOrBlockedOn(IOperation operation)
    {
        for (IOperation? parent = operation.Parent; parent is not null; operation = parent, parent = parent.Parent)
        {
            switch (parent)
            {
                case IAwaitOperation:
                    return true;
                case IConversionOperation:
                case IParenthesizedOperation:
                    continue;
                case IInvocationOperation call when ReferenceEquals(call.Instance, operation):
                    if (string.Equals(call.TargetMethod.Name, "GetResult", StringComparison.Ordinal))
                    {
                        return true;
                    }

                    continue;
                case IPropertyReferenceOperation property when ReferenceEquals(property.Instance, operation):
                    return string.Equals(property.Property.Name, "Result", StringComparison.Ordinal);
                default:
                    return false;
            }
        }

        return false;
    }
}
