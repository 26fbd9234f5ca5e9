using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators;

/// <summary>Why a <c>[Tick]</c> method cannot be a tick handler.</summary>
internal enum TickRuleViolation
{
    /// <summary>A valid tick handler.</summary>
    None,

    /// <summary>It is also a <c>[Call]</c> or <c>[Cast]</c> handler.</summary>
    AlsoMessageHandler,

    /// <summary>Static, generic, or not an ordinary method.</summary>
    NotInstanceMethod,

    /// <summary>It takes parameters.</summary>
    HasParameters,

    /// <summary>It returns something other than void, Task or ValueTask.</summary>
    WrongReturn,
}

/// <summary>The rules of tick handlers, shared by the generator and the analyzers.</summary>
internal static class TickRules
{
    /// <summary>The methods <paramref name="grain"/> declares with <c>[Tick]</c>, ordinally sorted by name.</summary>
    public static IReadOnlyList<IMethodSymbol> GetTickMethods(INamedTypeSymbol grain, GrainKnownTypes known)
    {
        if (known.TickAttribute is not { } tick)
        {
            return [];
        }

        return grain.GetMembers()
            .OfType<IMethodSymbol>()
            .Where(m => HasAttribute(m, tick))
            .OrderBy(m => m.Name, System.StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Checks one <c>[Tick]</c> method; when valid, gives how it returns.</summary>
    public static TickRuleViolation Check(IMethodSymbol method, GrainKnownTypes known, out HandlerReturnKind returnKind)
    {
        returnKind = HandlerReturnKind.Void;
        if (HasAttribute(method, known.CallAttribute) || HasAttribute(method, known.CastAttribute))
        {
            return TickRuleViolation.AlsoMessageHandler;
        }

        if (method.MethodKind != MethodKind.Ordinary || method.IsStatic || method.IsGenericMethod)
        {
            return TickRuleViolation.NotInstanceMethod;
        }

        if (method.Parameters.Length > 0)
        {
            return TickRuleViolation.HasParameters;
        }

        if (method.ReturnsVoid)
        {
            return TickRuleViolation.None;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ReturnType, known.Task) && !method.ReturnsByRef)
        {
            returnKind = HandlerReturnKind.Task;
            return TickRuleViolation.None;
        }

        if (SymbolEqualityComparer.Default.Equals(method.ReturnType, known.ValueTask) && !method.ReturnsByRef)
        {
            returnKind = HandlerReturnKind.ValueTask;
            return TickRuleViolation.None;
        }

        return TickRuleViolation.WrongReturn;
    }

    private static bool HasAttribute(IMethodSymbol method, INamedTypeSymbol attribute) =>
        method.GetAttributes().Any(a => SymbolEqualityComparer.Default.Equals(a.AttributeClass, attribute));
}
