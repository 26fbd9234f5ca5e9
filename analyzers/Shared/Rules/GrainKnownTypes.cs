using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

// The symbols of the TypedGrains abstractions the rules compare against, resolved once per compilation.
namespace TypedGrains.Generators;

/// <summary>The symbols of the TypedGrains abstractions and the task types the rules compare against.</summary>
internal sealed class GrainKnownTypes
{
    private GrainKnownTypes(
        Compilation compilation,
        INamedTypeSymbol grainAttribute,
        INamedTypeSymbol callAttribute,
        INamedTypeSymbol castAttribute,
        INamedTypeSymbol grain,
        INamedTypeSymbol grainOfTState,
        INamedTypeSymbol caller,
        INamedTypeSymbol task,
        INamedTypeSymbol taskOfT,
        INamedTypeSymbol valueTask,
        INamedTypeSymbol valueTaskOfT,
        INamedTypeSymbol cancellationToken)
    {
        Compilation = compilation;
        GrainAttribute = grainAttribute;
        CallAttribute = callAttribute;
        CastAttribute = castAttribute;
        Grain = grain;
        GrainOfTState = grainOfTState;
        Caller = caller;
        Task = task;
        TaskOfT = taskOfT;
        ValueTask = valueTask;
        ValueTaskOfT = valueTaskOfT;
        CancellationToken = cancellationToken;
        TickAttribute = compilation.GetTypeByMetadataName("TypedGrains.TickAttribute");
    }

    /// <summary>The compilation the symbols belong to.</summary>
    public Compilation Compilation { get; }

    /// <summary><c>TypedGrains.GrainAttribute</c>.</summary>
    public INamedTypeSymbol GrainAttribute { get; }

    /// <summary><c>TypedGrains.CallAttribute</c>.</summary>
    public INamedTypeSymbol CallAttribute { get; }

    /// <summary><c>TypedGrains.CastAttribute</c>.</summary>
    public INamedTypeSymbol CastAttribute { get; }

    /// <summary><c>TypedGrains.TickAttribute</c>, or <c>null</c> with abstractions that have no ticks.</summary>
    public INamedTypeSymbol? TickAttribute { get; }

    /// <summary><c>TypedGrains.Grain</c>, the base of every grain (a grain without state derives from it directly).</summary>
    public INamedTypeSymbol Grain { get; }

    /// <summary><c>TypedGrains.Grain&lt;TState&gt;</c>.</summary>
    public INamedTypeSymbol GrainOfTState { get; }

    /// <summary><c>TypedGrains.Caller&lt;TReply&gt;</c>.</summary>
    public INamedTypeSymbol Caller { get; }

    /// <summary><c>System.Threading.Tasks.Task</c>.</summary>
    public INamedTypeSymbol Task { get; }

    /// <summary><c>System.Threading.Tasks.Task&lt;TResult&gt;</c>.</summary>
    public INamedTypeSymbol TaskOfT { get; }

    /// <summary><c>System.Threading.Tasks.ValueTask</c>.</summary>
    public INamedTypeSymbol ValueTask { get; }

    /// <summary><c>System.Threading.Tasks.ValueTask&lt;TResult&gt;</c>.</summary>
    public INamedTypeSymbol ValueTaskOfT { get; }

    /// <summary><c>System.Threading.CancellationToken</c>.</summary>
    public INamedTypeSymbol CancellationToken { get; }

    /// <summary>
    /// The grains that not-yet-generated reference names resolve to where a member is declared
    /// (<see cref="GeneratedReferences.ResolveError"/>), kept for the compilation: each member's types are written
    /// several times (signature, method id, code), and each name lookup binds.
    /// </summary>
    internal ConcurrentDictionary<(ISymbol Context, string GrainName), INamedTypeSymbol?> ResolvedReferences { get; } = new(ContextNameComparer.Instance);

    /// <summary>
    /// <see cref="GrainTypeNames.Format"/> of the types that hold no generated reference, for code and for method ids,
    /// kept for the compilation (the same types recur in every grain). Keyed with nullability: it is written in code.
    /// </summary>
    internal ConcurrentDictionary<ITypeSymbol, string> CodeTypeNames { get; } = new(SymbolEqualityComparer.IncludeNullability);

    /// <inheritdoc cref="CodeTypeNames"/>
    internal ConcurrentDictionary<ITypeSymbol, string> IdTypeNames { get; } = new(SymbolEqualityComparer.IncludeNullability);

    /// <summary><see cref="GrainRules.GetMethodSignature"/> of each method, kept for the compilation (sort and id).</summary>
    internal ConcurrentDictionary<IMethodSymbol, string> MethodSignatures { get; } = new(SymbolEqualityComparer.Default);

    /// <summary>Resolves the known types in <paramref name="compilation"/>; <c>null</c> when one is missing or ambiguous.</summary>
    public static GrainKnownTypes? Create(Compilation compilation)
    {
        INamedTypeSymbol? grainAttribute = compilation.GetTypeByMetadataName("TypedGrains.GrainAttribute");
        INamedTypeSymbol? callAttribute = compilation.GetTypeByMetadataName("TypedGrains.CallAttribute");
        INamedTypeSymbol? castAttribute = compilation.GetTypeByMetadataName("TypedGrains.CastAttribute");
        INamedTypeSymbol? grain = compilation.GetTypeByMetadataName("TypedGrains.Grain");
        INamedTypeSymbol? grainOfTState = compilation.GetTypeByMetadataName("TypedGrains.Grain`1");
        INamedTypeSymbol? caller = compilation.GetTypeByMetadataName("TypedGrains.Caller`1");
        INamedTypeSymbol? task = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task");
        INamedTypeSymbol? taskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.Task`1");
        INamedTypeSymbol? valueTask = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask");
        INamedTypeSymbol? valueTaskOfT = compilation.GetTypeByMetadataName("System.Threading.Tasks.ValueTask`1");
        INamedTypeSymbol? cancellationToken = compilation.GetTypeByMetadataName("System.Threading.CancellationToken");
        if (grainAttribute is null || callAttribute is null || castAttribute is null || grain is null || grainOfTState is null
            || caller is null || task is null || taskOfT is null || valueTask is null || valueTaskOfT is null || cancellationToken is null)
        {
            return null;
        }

        return new GrainKnownTypes(compilation, grainAttribute, callAttribute, castAttribute, grain, grainOfTState, caller, task, taskOfT, valueTask, valueTaskOfT, cancellationToken);
    }

    private sealed class ContextNameComparer : IEqualityComparer<(ISymbol Context, string GrainName)>
    {
        public static readonly ContextNameComparer Instance = new();

        public bool Equals((ISymbol Context, string GrainName) x, (ISymbol Context, string GrainName) y) =>
            string.Equals(x.GrainName, y.GrainName, StringComparison.Ordinal) && SymbolEqualityComparer.Default.Equals(x.Context, y.Context);

        public int GetHashCode((ISymbol Context, string GrainName) obj) =>
            (SymbolEqualityComparer.Default.GetHashCode(obj.Context) * 31) + StringComparer.Ordinal.GetHashCode(obj.GrainName);
    }
}
