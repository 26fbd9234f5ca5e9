using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Warns about blocking waits in handler bodies (lambdas and local functions included): <c>Task.Result</c>,
/// <c>ValueTask&lt;T&gt;.Result</c>, <c>Task.Wait()</c> and <c>GetAwaiter().GetResult()</c>.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BlockingWaitAnalyzer : GrainAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.BlockingWait);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        start.RegisterOperationAction(operationContext => AnalyzeResult(operationContext, known), OperationKind.PropertyReference);
        start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, known), OperationKind.Invocation);
    }

    private static void AnalyzeResult(OperationAnalysisContext context, GrainKnownTypes known)
    {
        var reference = (IPropertyReferenceOperation)context.Operation;
        if (!string.Equals(reference.Property.Name, "Result", StringComparison.Ordinal)
            || !IsTaskType(reference.Property.ContainingType, known))
        {
            return;
        }

        Report(context, known, ".Result");
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, GrainKnownTypes known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        IMethodSymbol method = invocation.TargetMethod;
        if (string.Equals(method.Name, "Wait", StringComparison.Ordinal) && IsTaskType(method.ContainingType, known))
        {
            Report(context, known, ".Wait()");
        }
        else if (string.Equals(method.Name, "GetResult", StringComparison.Ordinal) && IsAwaiter(method.ContainingType))
        {
            Report(context, known, "GetAwaiter().GetResult()");
        }
    }

    private static void Report(OperationAnalysisContext context, GrainKnownTypes known, string wait)
    {
        if (GrainSymbols.GetEnclosingHandler(context.ContainingSymbol, known) is { } handler)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BlockingWait, context.Operation.Syntax.GetLocation(), handler.Name, wait));
        }
    }

    private static bool IsTaskType(INamedTypeSymbol? type, GrainKnownTypes known)
    {
        INamedTypeSymbol? definition = type?.OriginalDefinition;
        return SymbolEqualityComparer.Default.Equals(definition, known.Task)
            || SymbolEqualityComparer.Default.Equals(definition, known.TaskOfT)
            || SymbolEqualityComparer.Default.Equals(definition, known.ValueTaskOfT);
    }

    private static bool IsAwaiter(INamedTypeSymbol? type) =>
        type is not null
        && type.Name.EndsWith("Awaiter", StringComparison.Ordinal)
        && (type.ContainingType ?? (ISymbol)type).ContainingNamespace?.ToDisplayString() == "System.Runtime.CompilerServices";
}
