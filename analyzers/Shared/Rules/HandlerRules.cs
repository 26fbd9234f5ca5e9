using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

// The rules of [Call] and [Cast] handlers: which methods are handlers, whether each can be dispatched, and its shape.
namespace TypedGrains.Generators;

internal static partial class GrainRules
{
    // A grain's handlers, per symbol: the rules, the model and the analyzers each ask for them, and sorting them formats
    // every handler's signature. A symbol belongs to one compilation, so its known types are always the same.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<INamedTypeSymbol, IReadOnlyList<IMethodSymbol>> HandlerMethods = new();

    /// <summary>The methods declared by <paramref name="grain"/> that carry <c>[Call]</c> or <c>[Cast]</c>, ordinally sorted.</summary>
    public static IReadOnlyList<IMethodSymbol> GetHandlerMethods(INamedTypeSymbol grain, GrainKnownTypes known)
    {
        if (HandlerMethods.TryGetValue(grain, out IReadOnlyList<IMethodSymbol>? cached))
        {
            return cached;
        }

        IReadOnlyList<IMethodSymbol> found = FindHandlerMethods(grain, known);
        return HandlerMethods.GetValue(grain, _ => found);
    }

    private static IReadOnlyList<IMethodSymbol> FindHandlerMethods(INamedTypeSymbol grain, GrainKnownTypes known)
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
}
