using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

// The rules that decide whether a grain can be generated. The generator skips a grain that breaks one; the analyzers
// link this folder and report the same violations as diagnostics. Handler rules: HandlerRules.cs; method ids: MethodIds.cs.
namespace TypedGrains.Generators;

/// <summary>The validity rules of grains and handlers, and the method id computation (a partial per role).</summary>
internal static partial class GrainRules
{
    /// <summary>Names of members the generator adds to a grain class.</summary>
    public static readonly string[] ReservedGrainMemberNames = ["CastToSelf", "GeneratedDefinition", "Requests", "SelfCasts"];

    /// <summary>Names of members of the generated reference that a handler (a reference method) must not take.</summary>
    public static readonly string[] ReservedHandlerNames =
        ["Equals", "Finalize", "GetHashCode", "GetType", "Id", "MemberwiseClone", "ReferenceEquals", "Runtime", "ToString"];

    /// <summary>Names of members of a generated request message that a handler parameter must not take.</summary>
    public static readonly string[] ReservedParameterNames = ["InvokeAsync", "MethodId", "MethodName"];

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
        string referenceName = GeneratedReferences.NameOf(grain);
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

        if (!GrainAttributeData.Read(grainAttributes[0]).IsValid)
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

    private static bool IsObsolete(ISymbol symbol) =>
        symbol.GetAttributes().Any(a => IsAttribute(a, "ObsoleteAttribute", "System"));

    private static bool IsAttribute(AttributeData attribute, string name, string containingNamespace) =>
        attribute.AttributeClass is { } type
        && string.Equals(type.Name, name, StringComparison.Ordinal)
        && string.Equals(type.ContainingNamespace?.ToDisplayString(), containingNamespace, StringComparison.Ordinal);
}
