using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedGrains.Generators.Helpers;

// The rules that decide whether a grain can be generated. The generator skips a grain that breaks one; the
// analyzers link this file (with Helpers/Fnv1a.cs) and report the same violations as diagnostics.
namespace TypedGrains.Generators;

/// <summary>Why a grain class cannot be generated.</summary>
internal enum GrainRuleViolation
{
    /// <summary>The grain can be generated.</summary>
    None,

    /// <summary>The TypedGrains abstractions are not referenced (or are ambiguous).</summary>
    MissingAbstractions,

    /// <summary>The class carries <c>[Grain]</c> more than once (on several partial declarations).</summary>
    DuplicateGrainAttribute,

    /// <summary>An argument of <c>[Grain]</c> is erroneous, the key kind is undefined, or the name is empty.</summary>
    InvalidGrainAttribute,

    /// <summary>The target is not a class (for example a record).</summary>
    NotAClass,

    /// <summary>The grain class is generic.</summary>
    GenericGrain,

    /// <summary>A type containing the grain is generic.</summary>
    GenericContainingType,

    /// <summary>The grain class is neither public nor internal, or is file-local.</summary>
    InaccessibleGrain,

    /// <summary>A type containing the grain is neither public nor internal, or is file-local.</summary>
    InaccessibleContainingType,

    /// <summary>The grain class is abstract or static.</summary>
    AbstractGrain,

    /// <summary>A declaration of the grain class lacks <c>partial</c>.</summary>
    NotPartial,

    /// <summary>A declaration of a type containing the grain lacks <c>partial</c>.</summary>
    ContainingTypeNotPartial,

    /// <summary>The class does not derive, directly or indirectly, from <c>Grain</c> (with or without a state).</summary>
    NotDerivedFromGrain,

    /// <summary>
    /// The class has no constructor callable without arguments and no single constructor taking services, or has required
    /// members it does not set.
    /// </summary>
    NoParameterlessConstructor,

    /// <summary>The class declares or inherits a member with a name the generator uses.</summary>
    ReservedMemberName,

    /// <summary>A handler breaks a <see cref="HandlerRuleViolation"/> rule.</summary>
    InvalidHandler,

    /// <summary>Two handlers have the same name.</summary>
    DuplicateHandlerName,

    /// <summary>Two handlers have the same method id.</summary>
    MethodIdCollision,
}

/// <summary>Why a <c>[Call]</c> or <c>[Cast]</c> method cannot be a handler.</summary>
internal enum HandlerRuleViolation
{
    /// <summary>The method is a valid handler.</summary>
    None,

    /// <summary>The method has both <c>[Call]</c> and <c>[Cast]</c>.</summary>
    CallAndCast,

    /// <summary>The method is not an ordinary method (an accessor, operator, or explicit interface implementation).</summary>
    NotOrdinaryMethod,

    /// <summary>The method is static.</summary>
    Static,

    /// <summary>The method is generic.</summary>
    Generic,

    /// <summary>The method is neither public nor internal.</summary>
    Inaccessible,

    /// <summary>A parameter is <c>ref</c>, <c>out</c>, <c>in</c> or <c>ref readonly</c>.</summary>
    ByRefParameter,

    /// <summary>A parameter is a <c>params</c> parameter.</summary>
    ParamsParameter,

    /// <summary>A parameter is a pointer or function pointer.</summary>
    PointerParameter,

    /// <summary>A parameter is of a ref struct type, which a request message cannot store.</summary>
    RefLikeParameter,

    /// <summary>The method returns by reference.</summary>
    ByRefReturn,

    /// <summary>The method returns a pointer or function pointer.</summary>
    PointerReturn,

    /// <summary>The method returns a ref struct, which cannot be a reply.</summary>
    RefLikeReturn,

    /// <summary>The method takes more than one <c>Caller&lt;T&gt;</c>.</summary>
    MultipleCallers,

    /// <summary>A <c>[Cast]</c> takes a <c>Caller&lt;T&gt;</c>.</summary>
    CallerOnCast,

    /// <summary>A <c>[Cast]</c> returns a value.</summary>
    CastReturnsValue,

    /// <summary>A deferred <c>[Call]</c> (one with a <c>Caller&lt;T&gt;</c>) returns a value.</summary>
    DeferredReturnsValue,

    /// <summary>The method name collides with a member of the generated reference.</summary>
    ReservedName,

    /// <summary>A parameter name collides with a member of the generated request message.</summary>
    ReservedParameterName,

    /// <summary>A parameter is a <c>CancellationToken</c>, which cannot travel in a message (the reference method takes one).</summary>
    CancellationTokenParameter,

    /// <summary>The reply type involves <c>dynamic</c>, which a request interface cannot be implemented with.</summary>
    DynamicReply,
}

/// <summary>How a typed reference sends a handler's request and what it returns.</summary>
internal enum HandlerKind
{
    /// <summary>A call with a reply value: <c>ValueTask&lt;T&gt;</c> through <c>CallAsync</c>.</summary>
    Call,

    /// <summary>A call without a reply value: <c>ValueTask</c> through <c>CallAsync</c>.</summary>
    CallVoid,

    /// <summary>A call answered later through a <c>Caller&lt;T&gt;</c>: <c>ValueTask&lt;T&gt;</c> through <c>CallDeferredAsync</c>.</summary>
    CallDeferred,

    /// <summary>A one-way message: <c>void</c> through <c>Cast</c>.</summary>
    Cast,
}

/// <summary>How a handler method returns.</summary>
internal enum HandlerReturnKind
{
    /// <summary>Returns nothing.</summary>
    Void,

    /// <summary>Returns a value synchronously.</summary>
    Value,

    /// <summary>Returns <c>Task</c> or <c>Task&lt;T&gt;</c>.</summary>
    Task,

    /// <summary>Returns <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTask,
}

/// <summary>The shape of a valid handler.</summary>
internal readonly struct HandlerSignature
{
    /// <summary>Creates the shape.</summary>
    public HandlerSignature(HandlerKind kind, HandlerReturnKind returnKind, ITypeSymbol? replyType, int callerIndex)
    {
        Kind = kind;
        Return = returnKind;
        ReplyType = replyType;
        CallerIndex = callerIndex;
    }

    /// <summary>How the reference sends the request.</summary>
    public HandlerKind Kind { get; }

    /// <summary>How the handler returns.</summary>
    public HandlerReturnKind Return { get; }

    /// <summary>The reply type of a call with a reply value or of a deferred call.</summary>
    public ITypeSymbol? ReplyType { get; }

    /// <summary>The index of the <c>Caller&lt;T&gt;</c> parameter, or -1.</summary>
    public int CallerIndex { get; }
}

/// <summary>A handler that keeps its grain from being generated, and why.</summary>
internal readonly struct HandlerProblem
{
    /// <summary>Creates the problem.</summary>
    public HandlerProblem(IMethodSymbol method, GrainRuleViolation violation, HandlerRuleViolation handlerViolation, IParameterSymbol? parameter, IMethodSymbol? earlier)
    {
        Method = method;
        Violation = violation;
        HandlerViolation = handlerViolation;
        Parameter = parameter;
        Earlier = earlier;
    }

    /// <summary>The handler method.</summary>
    public IMethodSymbol Method { get; }

    /// <summary><see cref="GrainRuleViolation.InvalidHandler"/>, <see cref="GrainRuleViolation.DuplicateHandlerName"/> or <see cref="GrainRuleViolation.MethodIdCollision"/>.</summary>
    public GrainRuleViolation Violation { get; }

    /// <summary>The handler rule broken when <see cref="Violation"/> is <see cref="GrainRuleViolation.InvalidHandler"/>.</summary>
    public HandlerRuleViolation HandlerViolation { get; }

    /// <summary>The offending parameter of a parameter rule (or the <c>Caller&lt;T&gt;</c> of a caller rule), if any.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>The earlier handler whose name or method id this one repeats.</summary>
    public IMethodSymbol? Earlier { get; }
}

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
}

/// <summary>The validity rules of grains and handlers, and the method id computation.</summary>
internal static class GrainRules
{
    /// <summary>Names of members the generator adds to a grain class.</summary>
    public static readonly string[] ReservedGrainMemberNames = ["CastToSelf", "GeneratedDefinition", "Requests", "SelfCasts"];

    /// <summary>Names of members of the generated reference that a handler (a reference method) must not take.</summary>
    public static readonly string[] ReservedHandlerNames =
        ["Equals", "Finalize", "GetHashCode", "GetType", "Id", "MemberwiseClone", "ReferenceEquals", "Runtime", "ToString"];

    /// <summary>Names of members of a generated request message that a handler parameter must not take.</summary>
    public static readonly string[] ReservedParameterNames = ["InvokeAsync", "MethodId", "MethodName"];

    /// <summary>The name of the generated reference struct of <paramref name="grain"/>.</summary>
    public static string GetReferenceName(INamedTypeSymbol grain) => grain.Name + "Ref";

    /// <summary>Checks every rule for <paramref name="grain"/>, its <c>[Grain]</c> attribute and its handlers.</summary>
    /// <param name="grain">The grain class.</param>
    /// <param name="known">The known types of the compilation.</param>
    /// <param name="compilation">The compilation.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <param name="isGeneratedMember">
    /// Tells members the generator itself added (visible to analyzers, which see generated code); <c>null</c> in the generator.
    /// </param>
    public static GrainRuleViolation Validate(INamedTypeSymbol grain, GrainKnownTypes known, Compilation compilation, CancellationToken cancellationToken, Func<ISymbol, bool>? isGeneratedMember = null)
    {
        GrainRuleViolation violation = CheckGrainType(grain, known, compilation, cancellationToken, isGeneratedMember);
        if (violation != GrainRuleViolation.None)
        {
            return violation;
        }

        IReadOnlyList<HandlerProblem> problems = GetHandlerProblems(grain, known, cancellationToken, firstOnly: true);
        return problems.Count == 0 ? GrainRuleViolation.None : problems[0].Violation;
    }

    /// <summary>
    /// The handler-level problems of <paramref name="grain"/>, in handler order: invalid handlers, then for valid ones
    /// a name or method id already taken by an earlier valid handler.
    /// </summary>
    public static IReadOnlyList<HandlerProblem> GetHandlerProblems(INamedTypeSymbol grain, GrainKnownTypes known, CancellationToken cancellationToken, bool firstOnly = false)
    {
        var problems = new List<HandlerProblem>();
        string referenceName = GetReferenceName(grain);
        var names = new Dictionary<string, IMethodSymbol>(StringComparer.Ordinal);
        var ids = new Dictionary<uint, IMethodSymbol>();
        foreach (IMethodSymbol method in GetHandlerMethods(grain, known))
        {
            cancellationToken.ThrowIfCancellationRequested();
            HandlerRuleViolation handlerViolation = CheckHandler(method, referenceName, known, out _, out IParameterSymbol? parameter);
            if (handlerViolation != HandlerRuleViolation.None)
            {
                problems.Add(new HandlerProblem(method, GrainRuleViolation.InvalidHandler, handlerViolation, parameter, null));
            }
            else if (names.TryGetValue(method.Name, out IMethodSymbol? sameName))
            {
                problems.Add(new HandlerProblem(method, GrainRuleViolation.DuplicateHandlerName, HandlerRuleViolation.None, null, sameName));
            }
            else
            {
                names.Add(method.Name, method);
                uint id = ComputeMethodId(method, known);
                if (ids.TryGetValue(id, out IMethodSymbol? sameId))
                {
                    problems.Add(new HandlerProblem(method, GrainRuleViolation.MethodIdCollision, HandlerRuleViolation.None, null, sameId));
                }
                else
                {
                    ids.Add(id, method);
                }
            }

            if (firstOnly && problems.Count > 0)
            {
                break;
            }
        }

        return problems;
    }

    /// <summary>Checks the rules of the grain class itself and of its <c>[Grain]</c> attribute.</summary>
    /// <param name="grain">The grain class.</param>
    /// <param name="known">The known types of the compilation.</param>
    /// <param name="compilation">The compilation.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    /// <param name="isGeneratedMember">
    /// Tells members the generator itself added (visible to analyzers, which see generated code); <c>null</c> in the generator.
    /// </param>
    public static GrainRuleViolation CheckGrainType(INamedTypeSymbol grain, GrainKnownTypes known, Compilation compilation, CancellationToken cancellationToken, Func<ISymbol, bool>? isGeneratedMember = null)
    {
        AttributeData[] grainAttributes = grain.GetAttributes()
            .Where(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, known.GrainAttribute))
            .ToArray();
        if (grainAttributes.Length != 1)
        {
            return GrainRuleViolation.DuplicateGrainAttribute;
        }

        if (!IsValidGrainAttribute(grainAttributes[0]))
        {
            return GrainRuleViolation.InvalidGrainAttribute;
        }

        if (grain.TypeKind != TypeKind.Class || grain.IsRecord)
        {
            return GrainRuleViolation.NotAClass;
        }

        if (grain.Arity > 0)
        {
            return GrainRuleViolation.GenericGrain;
        }

        if (!IsAccessibleType(grain))
        {
            return GrainRuleViolation.InaccessibleGrain;
        }

        if (grain.IsAbstract || grain.IsStatic)
        {
            return GrainRuleViolation.AbstractGrain;
        }

        for (INamedTypeSymbol? containing = grain.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (containing.Arity > 0)
            {
                return GrainRuleViolation.GenericContainingType;
            }

            if (!IsAccessibleType(containing))
            {
                return GrainRuleViolation.InaccessibleContainingType;
            }
        }

        if (!IsPartialEverywhere(grain, cancellationToken))
        {
            return GrainRuleViolation.NotPartial;
        }

        for (INamedTypeSymbol? containing = grain.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            if (!IsPartialEverywhere(containing, cancellationToken))
            {
                return GrainRuleViolation.ContainingTypeNotPartial;
            }
        }

        if (!DerivesFromGrain(grain, known))
        {
            return GrainRuleViolation.NotDerivedFromGrain;
        }

        if (!HasConstructorWithoutArguments(grain, grain, compilation, allowPrivate: true) && GetServiceConstructor(grain) is null)
        {
            return GrainRuleViolation.NoParameterlessConstructor;
        }

        for (INamedTypeSymbol? type = grain; type is not null && !IsGrainBase(type, known); type = type.BaseType)
        {
            // A compiled base grain carries members the generator made for it; the derived grain's own hide them.
            if (!SymbolEqualityComparer.Default.Equals(type, grain) && IsFromMetadata(type) && HasAttribute(type, known.GrainAttribute))
            {
                continue;
            }

            foreach (string name in ReservedGrainMemberNames)
            {
                if (type.GetMembers(name).Any(member => isGeneratedMember is null || !isGeneratedMember(member)))
                {
                    return GrainRuleViolation.ReservedMemberName;
                }
            }
        }

        return GrainRuleViolation.None;
    }

    /// <summary>The methods declared by <paramref name="grain"/> that carry <c>[Call]</c> or <c>[Cast]</c>, ordinally sorted.</summary>
    public static IReadOnlyList<IMethodSymbol> GetHandlerMethods(INamedTypeSymbol grain, GrainKnownTypes known)
    {
        var methods = new List<(IMethodSymbol Method, string Signature)>();
        foreach (ISymbol member in grain.GetMembers())
        {
            if (member is IMethodSymbol method && (HasAttribute(method, known.CallAttribute) || HasAttribute(method, known.CastAttribute)))
            {
                methods.Add((method, GetMethodSignature(method, known)));
            }
        }

        methods.Sort((x, y) => string.CompareOrdinal(x.Signature, y.Signature));
        return methods.Select(m => m.Method).ToArray();
    }

    /// <summary>Checks one <c>[Call]</c>/<c>[Cast]</c> method and, when it is valid, describes its shape.</summary>
    public static HandlerRuleViolation CheckHandler(IMethodSymbol method, string referenceName, GrainKnownTypes known, out HandlerSignature signature) =>
        CheckHandler(method, referenceName, known, out signature, out _);

    /// <summary>
    /// Checks one <c>[Call]</c>/<c>[Cast]</c> method and, when it is valid, describes its shape; names the parameter
    /// that breaks a parameter rule.
    /// </summary>
    public static HandlerRuleViolation CheckHandler(IMethodSymbol method, string referenceName, GrainKnownTypes known, out HandlerSignature signature, out IParameterSymbol? offendingParameter)
    {
        signature = default;
        offendingParameter = null;
        bool isCall = HasAttribute(method, known.CallAttribute);
        bool isCast = HasAttribute(method, known.CastAttribute);
        if (isCall && isCast)
        {
            return HandlerRuleViolation.CallAndCast;
        }

        if (method.MethodKind != MethodKind.Ordinary)
        {
            return HandlerRuleViolation.NotOrdinaryMethod;
        }

        if (method.IsStatic)
        {
            return HandlerRuleViolation.Static;
        }

        if (method.IsGenericMethod)
        {
            return HandlerRuleViolation.Generic;
        }

        if (method.DeclaredAccessibility is not (Accessibility.Public or Accessibility.Internal))
        {
            return HandlerRuleViolation.Inaccessible;
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            return HandlerRuleViolation.ByRefReturn;
        }

        if (method.ReturnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
        {
            return HandlerRuleViolation.PointerReturn;
        }

        if (method.ReturnType.IsRefLikeType)
        {
            return HandlerRuleViolation.RefLikeReturn;
        }

        if (Array.IndexOf(ReservedHandlerNames, method.Name) >= 0 || string.Equals(method.Name, referenceName, StringComparison.Ordinal))
        {
            return HandlerRuleViolation.ReservedName;
        }

        int callerIndex = -1;
        ITypeSymbol? callerReply = null;
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            IParameterSymbol parameter = method.Parameters[i];
            offendingParameter = parameter;
            if (parameter.RefKind != RefKind.None)
            {
                return HandlerRuleViolation.ByRefParameter;
            }

            if (parameter.IsParams)
            {
                return HandlerRuleViolation.ParamsParameter;
            }

            if (parameter.Type.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer)
            {
                return HandlerRuleViolation.PointerParameter;
            }

            if (parameter.Type.IsRefLikeType)
            {
                return HandlerRuleViolation.RefLikeParameter;
            }

            if (SymbolEqualityComparer.Default.Equals(parameter.Type, known.CancellationToken))
            {
                return HandlerRuleViolation.CancellationTokenParameter;
            }

            if (Array.IndexOf(ReservedParameterNames, parameter.Name) >= 0 || string.Equals(parameter.Name, method.Name, StringComparison.Ordinal))
            {
                return HandlerRuleViolation.ReservedParameterName;
            }

            if (parameter.Type is INamedTypeSymbol named && SymbolEqualityComparer.Default.Equals(named.OriginalDefinition, known.Caller))
            {
                if (callerIndex >= 0)
                {
                    return HandlerRuleViolation.MultipleCallers;
                }

                callerIndex = i;
                callerReply = named.TypeArguments[0];
            }
        }

        offendingParameter = callerIndex >= 0 ? method.Parameters[callerIndex] : null;

        if (isCast && callerIndex >= 0)
        {
            return HandlerRuleViolation.CallerOnCast;
        }

        (HandlerReturnKind returnKind, ITypeSymbol? reply) = ClassifyReturn(method, known);
        if (isCast)
        {
            if (reply is not null)
            {
                return HandlerRuleViolation.CastReturnsValue;
            }

            signature = new HandlerSignature(HandlerKind.Cast, returnKind, null, -1);
            return HandlerRuleViolation.None;
        }

        if (callerIndex >= 0)
        {
            if (reply is not null)
            {
                return HandlerRuleViolation.DeferredReturnsValue;
            }

            if (ContainsDynamic(callerReply!))
            {
                return HandlerRuleViolation.DynamicReply;
            }

            signature = new HandlerSignature(HandlerKind.CallDeferred, returnKind, callerReply, callerIndex);
            return HandlerRuleViolation.None;
        }

        if (reply is not null && ContainsDynamic(reply))
        {
            return HandlerRuleViolation.DynamicReply;
        }

        signature = reply is null
            ? new HandlerSignature(HandlerKind.CallVoid, returnKind, null, -1)
            : new HandlerSignature(HandlerKind.Call, returnKind, reply, -1);
        return HandlerRuleViolation.None;
    }

    /// <summary>
    /// The text a method id hashes: <c>Name(T1,T2,...)</c>, each <c>Ti</c> the parameter type in
    /// <see cref="SymbolDisplayFormat.FullyQualifiedFormat"/> (for example <c>Add(int,global::System.Guid)</c>);
    /// see <see cref="GrainTypeNames.IdFormat"/>.
    /// </summary>
    public static string GetMethodSignature(IMethodSymbol method, GrainKnownTypes known)
    {
        var builder = new StringBuilder(method.Name);
        builder.Append('(');
        for (int i = 0; i < method.Parameters.Length; i++)
        {
            if (i > 0)
            {
                builder.Append(',');
            }

            builder.Append(GrainTypeNames.Format(method.Parameters[i].Type, method, known, forCode: false));
        }

        builder.Append(')');
        return builder.ToString();
    }

    /// <summary>The stable method id: FNV-1a (32-bit) over the UTF-8 bytes of <see cref="GetMethodSignature"/>.</summary>
    public static uint ComputeMethodId(IMethodSymbol method, GrainKnownTypes known) => Fnv1a.Hash32(GetMethodSignature(method, known));

    /// <summary>
    /// The <c>TState</c> of the <c>Grain&lt;TState&gt;</c> that <paramref name="grain"/> derives from, or <c>null</c> (also
    /// for a grain without state, which derives from <c>Grain</c> directly; see <see cref="DerivesFromGrain"/>).
    /// </summary>
    public static ITypeSymbol? GetStateType(INamedTypeSymbol grain, GrainKnownTypes known)
    {
        for (INamedTypeSymbol? type = grain.BaseType; type is not null; type = type.BaseType)
        {
            if (IsGrainOfTState(type, known))
            {
                return type.TypeArguments[0];
            }
        }

        return null;
    }

    /// <summary>Whether <paramref name="grain"/> derives from <c>Grain</c>, directly (a grain without state) or through <c>Grain&lt;TState&gt;</c>.</summary>
    public static bool DerivesFromGrain(INamedTypeSymbol grain, GrainKnownTypes known)
    {
        for (INamedTypeSymbol? type = grain.BaseType; type is not null; type = type.BaseType)
        {
            if (IsGrainBase(type, known))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is one of the library's grain base classes, <c>Grain</c> or <c>Grain&lt;TState&gt;</c>.</summary>
    public static bool IsGrainBase(INamedTypeSymbol type, GrainKnownTypes known) =>
        IsGrainOfTState(type, known) || SymbolEqualityComparer.Default.Equals(type, known.Grain);

    /// <summary>
    /// Which generated public nested types of a valid base grain class (one that is itself generated) the grain's own
    /// generated types hide: <c>Requests</c> whenever there is one, <c>SelfCasts</c> when that base has casts.
    /// </summary>
    public static (bool HidesRequests, bool HidesSelfCasts) GetHiddenBaseMembers(INamedTypeSymbol grain, GrainKnownTypes known, CancellationToken cancellationToken)
    {
        bool hidesRequests = false;
        bool hidesSelfCasts = false;
        for (INamedTypeSymbol? type = grain.BaseType; type is not null && !IsGrainBase(type, known); type = type.BaseType)
        {
            if (!HasAttribute(type, known.GrainAttribute))
            {
                continue;
            }

            if (IsFromMetadata(type))
            {
                hidesRequests |= !type.GetTypeMembers("Requests").IsEmpty;
                hidesSelfCasts |= !type.GetTypeMembers("SelfCasts").IsEmpty;
                continue;
            }

            if (Validate(type, known, known.Compilation, cancellationToken) != GrainRuleViolation.None)
            {
                continue;
            }

            hidesRequests = true;
            string referenceName = GetReferenceName(type);
            foreach (IMethodSymbol method in GetHandlerMethods(type, known))
            {
                if (CheckHandler(method, referenceName, known, out HandlerSignature signature) == HandlerRuleViolation.None
                    && signature.Kind == HandlerKind.Cast)
                {
                    hidesSelfCasts = true;
                }
            }
        }

        return (hidesRequests, hidesSelfCasts);
    }

    /// <summary>
    /// Whether the generator supplies <c>InitialState => new TState()</c>: no class from the grain down to
    /// <c>Grain&lt;TState&gt;</c> declares <c>InitialState</c>, and the state is a non-abstract class with an
    /// accessible constructor callable without arguments.
    /// </summary>
    public static bool ShouldGenerateInitialState(INamedTypeSymbol grain, ITypeSymbol state, GrainKnownTypes known, Compilation compilation)
    {
        for (INamedTypeSymbol? type = grain; type is not null && !IsGrainBase(type, known); type = type.BaseType)
        {
            if (!type.GetMembers("InitialState").IsEmpty)
            {
                return false;
            }
        }

        return state is INamedTypeSymbol { TypeKind: TypeKind.Class, IsAbstract: false, IsStatic: false } named
            && HasConstructorWithoutArguments(named, grain, compilation, allowPrivate: false);
    }

    private static (HandlerReturnKind Kind, ITypeSymbol? Reply) ClassifyReturn(IMethodSymbol method, GrainKnownTypes known)
    {
        if (method.ReturnsVoid)
        {
            return (HandlerReturnKind.Void, null);
        }

        if (method.ReturnType is INamedTypeSymbol named)
        {
            INamedTypeSymbol definition = named.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, known.Task))
            {
                return (HandlerReturnKind.Task, null);
            }

            if (SymbolEqualityComparer.Default.Equals(definition, known.ValueTask))
            {
                return (HandlerReturnKind.ValueTask, null);
            }

            if (SymbolEqualityComparer.Default.Equals(definition, known.TaskOfT))
            {
                return (HandlerReturnKind.Task, named.TypeArguments[0]);
            }

            if (SymbolEqualityComparer.Default.Equals(definition, known.ValueTaskOfT))
            {
                return (HandlerReturnKind.ValueTask, named.TypeArguments[0]);
            }
        }

        return (HandlerReturnKind.Value, method.ReturnType);
    }

    private static bool ContainsDynamic(ITypeSymbol type) => type switch
    {
        { TypeKind: TypeKind.Dynamic } => true,
        IArrayTypeSymbol array => ContainsDynamic(array.ElementType),
        INamedTypeSymbol named => named.TypeArguments.Any(ContainsDynamic) || (named.ContainingType is { } outer && ContainsDynamic(outer)),
        _ => false,
    };

    private static bool IsValidGrainAttribute(AttributeData attribute)
    {
        foreach (TypedConstant argument in attribute.ConstructorArguments)
        {
            if (argument.Kind == TypedConstantKind.Error)
            {
                return false;
            }
        }

        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Value.Kind == TypedConstantKind.Error)
            {
                return false;
            }

            switch (argument.Key)
            {
                case "Key" when argument.Value.Value is not int key || key < 0 || key > 2:
                case "Name" when argument.Value.Value is string { Length: 0 }:
                case "Placement" when argument.Value.Value is not int:
                    return false;
            }
        }

        return true;
    }

    private static bool IsAccessibleType(INamedTypeSymbol type) =>
        !type.IsFileLocal && type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal;

    private static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return false;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is not TypeDeclarationSyntax declaration
                || !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsFromMetadata(INamedTypeSymbol type) => type.DeclaringSyntaxReferences.IsEmpty;

    private static bool IsGrainOfTState(INamedTypeSymbol type, GrainKnownTypes known) =>
        SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known.GrainOfTState);

    private static bool HasAttribute(ISymbol symbol, INamedTypeSymbol attributeType)
    {
        foreach (AttributeData attribute in symbol.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, attributeType))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The grain's constructor whose parameters the generated factory resolves from services: the only instance
    /// constructor, with at least one parameter that is not optional, every parameter by value (no <c>ref</c>,
    /// <c>out</c>, <c>in</c>, <c>params</c>), not obsolete, and setting the required members if there are any.
    /// <c>null</c> when the grain has no such constructor (it is then created with <c>new</c>).
    /// </summary>
    public static IMethodSymbol? GetServiceConstructor(INamedTypeSymbol grain)
    {
        if (grain.InstanceConstructors.Length != 1)
        {
            return null;
        }

        IMethodSymbol constructor = grain.InstanceConstructors[0];
        if (constructor.Parameters.All(p => p.IsOptional)
            || constructor.Parameters.Any(p => p.RefKind != RefKind.None || p.IsParams)
            || IsObsolete(constructor))
        {
            return null;
        }

        return HasRequiredMembers(grain) && !constructor.GetAttributes().Any(a => IsAttribute(a, "SetsRequiredMembersAttribute", "System.Diagnostics.CodeAnalysis"))
            ? null
            : constructor;
    }

    private static bool HasConstructorWithoutArguments(INamedTypeSymbol type, INamedTypeSymbol within, Compilation compilation, bool allowPrivate)
    {
        bool hasRequiredMembers = HasRequiredMembers(type);
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (!constructor.Parameters.All(p => p.IsOptional || p.IsParams))
            {
                continue;
            }

            bool accessible = constructor.DeclaredAccessibility switch
            {
                Accessibility.Public => true,
                Accessibility.Internal or Accessibility.ProtectedOrInternal =>
                    constructor.ContainingAssembly.GivesAccessTo(within.ContainingAssembly),
                Accessibility.Private => allowPrivate || compilation.IsSymbolAccessibleWithin(constructor, within),
                _ => false,
            };
            if (!accessible || IsObsolete(constructor))
            {
                continue;
            }

            if (hasRequiredMembers && !constructor.GetAttributes().Any(a => IsAttribute(a, "SetsRequiredMembersAttribute", "System.Diagnostics.CodeAnalysis")))
            {
                continue;
            }

            return true;
        }

        return false;
    }

    private static bool HasRequiredMembers(INamedTypeSymbol type)
    {
        for (INamedTypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => IsAttribute(a, "ObsoleteAttribute", "System"));

    private static bool IsAttribute(AttributeData attribute, string name, string containingNamespace) =>
        attribute.AttributeClass is { } type
        && string.Equals(type.Name, name, StringComparison.Ordinal)
        && string.Equals(type.ContainingNamespace?.ToDisplayString(), containingNamespace, StringComparison.Ordinal);
}
