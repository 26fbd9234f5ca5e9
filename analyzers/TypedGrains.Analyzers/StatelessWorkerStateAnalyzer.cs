using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using TypedGrains.Generators;

namespace TypedGrains.Analyzers;

/// <summary>
/// Reports stored state on a <c>[Grain(Placement = Placement.StatelessWorker)]</c> grain, which the runtime refuses: a
/// <c>Provider</c> named on the worker's <c>[Grain]</c> (refused when the runtime starts) and each <c>SaveState()</c>
/// called on a worker (the turn fails with <c>InvalidOperationException</c>). A <c>SaveState()</c> on a grain without
/// state (deriving from <c>Grain</c> directly, whatever its placement) is reported as TG0017 instead: nothing to save.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StatelessWorkerStateAnalyzer : GrainAnalyzer
{
    private const string ProviderArgument = "Provider";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
        ImmutableArray.Create(DiagnosticDescriptors.StatelessWorkerState, DiagnosticDescriptors.SaveWithoutState);

    /// <inheritdoc/>
    private protected override void RegisterActions(CompilationStartAnalysisContext start, GrainKnownTypes known)
    {
        // Resolved once per compilation: the StatelessWorker value of TypedGrains.Placement and Grain<TState>.SaveState().
        INamedTypeSymbol? placement = start.Compilation.GetTypeByMetadataName("TypedGrains.Placement");
        object? statelessWorker = null;
        if (placement is not null)
        {
            foreach (ISymbol member in placement.GetMembers("StatelessWorker"))
            {
                if (member is IFieldSymbol { HasConstantValue: true } field)
                {
                    statelessWorker = field.ConstantValue;
                }
            }
        }

        // SaveState() is declared on the non-generic base of Grain<TState>.
        IMethodSymbol? saveState = null;
        for (INamedTypeSymbol? type = known.GrainOfTState; type is not null && saveState is null; type = type.BaseType)
        {
            foreach (ISymbol member in type.GetMembers("SaveState"))
            {
                if (member is IMethodSymbol { Parameters.IsEmpty: true, IsStatic: false } method)
                {
                    saveState = method;
                }
            }
        }

        if (statelessWorker is null)
        {
            return;
        }

        var workers = new WorkerCheck(known, statelessWorker);
        start.RegisterSymbolAction(symbolContext => AnalyzeGrain(symbolContext, workers), SymbolKind.NamedType);
        if (saveState is not null)
        {
            start.RegisterOperationAction(operationContext => AnalyzeInvocation(operationContext, workers, saveState), OperationKind.Invocation);
        }
    }

    private static void AnalyzeGrain(SymbolAnalysisContext context, WorkerCheck workers)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        foreach (AttributeData attribute in type.GetAttributes())
        {
            if (!workers.IsWorkerAttribute(attribute) || GrainAttributeData.Read(attribute).Provider is not { } provider)
            {
                continue;
            }

            Location location = GetProviderLocation(attribute, context.CancellationToken)
                ?? (type.Locations.IsEmpty ? Location.None : type.Locations[0]);
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.StatelessWorkerState,
                location,
                type.Name,
                $"it names the provider '{provider}', which the runtime refuses at start (remove Provider)"));
        }
    }

    private static void AnalyzeInvocation(OperationAnalysisContext context, WorkerCheck workers, IMethodSymbol saveState)
    {
        var invocation = (IInvocationOperation)context.Operation;
        if (!SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, saveState))
        {
            return;
        }

        // this.SaveState(), base.SaveState() and the implicit form save the grain whose code runs; other.SaveState() (from
        // a nested type) saves 'other'.
        INamedTypeSymbol? grain = invocation.Instance is null or IInstanceReferenceOperation
            ? context.ContainingSymbol.ContainingType
            : invocation.Instance.Type as INamedTypeSymbol;
        if (grain is null)
        {
            return;
        }

        if (workers.HasNoState(grain))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.SaveWithoutState, invocation.Syntax.GetLocation(), grain.Name));
            return;
        }

        if (!workers.IsWorker(grain))
        {
            return;
        }

        context.ReportDiagnostic(Diagnostic.Create(
            DiagnosticDescriptors.StatelessWorkerState,
            invocation.Syntax.GetLocation(),
            grain.Name,
            "SaveState() fails the turn with InvalidOperationException"));
    }

    private static Location? GetProviderLocation(AttributeData attribute, System.Threading.CancellationToken cancellationToken)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax { ArgumentList: { } arguments })
        {
            return null;
        }

        foreach (AttributeArgumentSyntax argument in arguments.Arguments)
        {
            if (argument.NameEquals is { } name
                && string.Equals(name.Name.Identifier.ValueText, ProviderArgument, StringComparison.Ordinal))
            {
                return argument.GetLocation();
            }
        }

        return null;
    }

    /// <summary>Tells stateless-worker grains: a <c>[Grain]</c> whose <c>Placement</c> is <c>StatelessWorker</c>.</summary>
    private sealed class WorkerCheck
    {
        private readonly GrainKnownTypes _known;
        private readonly object _statelessWorker;

        public WorkerCheck(GrainKnownTypes known, object statelessWorker)
        {
            _known = known;
            _statelessWorker = statelessWorker;
        }

        /// <summary>Whether <paramref name="type"/> derives from <c>Grain</c> directly or through classes of its own, not from <c>Grain&lt;TState&gt;</c>.</summary>
        public bool HasNoState(INamedTypeSymbol type) =>
            GrainRules.DerivesFromGrain(type, _known) && GrainRules.GetStateType(type, _known) is null;

        public bool IsWorker(INamedTypeSymbol type)
        {
            foreach (AttributeData attribute in type.GetAttributes())
            {
                if (IsWorkerAttribute(attribute))
                {
                    return true;
                }
            }

            return false;
        }

        public bool IsWorkerAttribute(AttributeData attribute)
        {
            if (!SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _known.GrainAttribute))
            {
                return false;
            }

            return GrainAttributeData.Read(attribute).Placement is int placement && Equals(placement, _statelessWorker);
        }
    }
}
