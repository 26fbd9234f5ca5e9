using Microsoft.CodeAnalysis;

namespace TypedGrains.Analyzers;

/// <summary>
/// Finds a member through which a state object can be changed in place. Only reference types matter: a struct state is
/// copied out of <c>State</c>, so it cannot be changed behind the grain's back.
/// </summary>
internal static class StateMutability
{
    /// <summary>
    /// A settable (not init-only) property or non-readonly field of <paramref name="state"/> or its base classes (any
    /// accessibility for types declared in source, public for compiled ones), the state itself for an array or another
    /// mutable collection, or <c>null</c>.
    /// </summary>
    public static ISymbol? FindMutableMember(ITypeSymbol state, MutableCollectionTypes collections)
    {
        if (collections.IsMutableCollection(state))
        {
            return state;
        }

        if (state is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Interface } named || named.SpecialType != SpecialType.None)
        {
            return null;
        }

        for (INamedTypeSymbol? type = named; type is not null && type.SpecialType != SpecialType.System_Object; type = type.BaseType)
        {
            bool inSource = !type.DeclaringSyntaxReferences.IsEmpty;
            foreach (ISymbol member in type.GetMembers())
            {
                if (member.IsStatic || member.IsImplicitlyDeclared)
                {
                    continue;
                }

                switch (member)
                {
                    case IFieldSymbol { IsReadOnly: false, IsConst: false } field when inSource || field.DeclaredAccessibility == Accessibility.Public:
                        return field;
                    case IPropertySymbol { SetMethod: { IsInitOnly: false } setter } property when inSource || setter.DeclaredAccessibility == Accessibility.Public:
                        return property;
                }
            }
        }

        return null;
    }
}
