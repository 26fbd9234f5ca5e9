using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedGrains.Generators.Helpers;

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
            string referenceName = GeneratedReferences.NameOf(type);
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
