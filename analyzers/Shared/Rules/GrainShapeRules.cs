using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

// What the generator reads from a valid grain's class: its state type, the generated base members it hides, whether it
// gets an InitialState override, and the constructor its services are resolved for.
namespace TypedGrains.Generators;

internal static partial class GrainRules
{
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
            if (!MayDeclareRequiredMembers(current))
            {
                continue;
            }

            // A member's requiredness is declared: the definition has it without constructing a Grain<TState> per grain.
            foreach (ISymbol member in current.OriginalDefinition.GetMembers())
            {
                if (member is IPropertySymbol { IsRequired: true } or IFieldSymbol { IsRequired: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="type"/> can declare a required member: only a field or property written with the
    /// <c>required</c> modifier is one, so a source type none of whose declarations has one is decided from its syntax,
    /// without the compiler building (and for a record, synthesizing) its members. Other types are asked.
    /// </summary>
    private static bool MayDeclareRequiredMembers(INamedTypeSymbol type)
    {
        if (type.SpecialType == SpecialType.System_Object)
        {
            return false;
        }

        if (type.DeclaringSyntaxReferences.IsEmpty)
        {
            return true;
        }

        foreach (SyntaxReference reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax() is not TypeDeclarationSyntax declaration)
            {
                return true;
            }

            foreach (MemberDeclarationSyntax member in declaration.Members)
            {
                if (member is BaseFieldDeclarationSyntax or BasePropertyDeclarationSyntax
                    && member.Modifiers.Any(SyntaxKind.RequiredKeyword))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
