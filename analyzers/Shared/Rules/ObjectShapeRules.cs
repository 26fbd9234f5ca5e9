using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

// How an object type is serialized: which members, in which order and under which keys, and the constructor used to read it.
namespace TypedGrains.Generators;

internal static partial class SerializableTypeRules
{
    /// <summary>
    /// The serialized members of an object type: accessible instance properties and fields that are settable or taken
    /// by the chosen constructor, base types first, each type's members in declaration order, numbered by position or
    /// by <c>[Key(n)]</c>.
    /// </summary>
    public static SerializableObjectShape GetObjectShape(INamedTypeSymbol type, SerializableKnownTypes known)
    {
        List<ISymbol> readable = GetReadableMembers(type);
        IMethodSymbol? constructor = ChooseConstructor(type, readable);
        if (constructor is null && type.TypeKind != TypeKind.Struct)
        {
            return new SerializableObjectShape(null, [], "(constructor)");
        }

        var included = new List<(ISymbol Member, IParameterSymbol? Parameter, SerializableMemberAssignment Assignment)>();
        foreach (ISymbol member in readable)
        {
            IParameterSymbol? parameter = constructor?.Parameters.FirstOrDefault(p => string.Equals(p.Name, member.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is not null)
            {
                included.Add((member, parameter, SerializableMemberAssignment.Constructor));
            }
            else if (GetWriteAssignment(member) is { } assignment)
            {
                included.Add((member, null, assignment));
            }
        }

        var keyed = included.Select(m => (m.Member, m.Parameter, m.Assignment, Key: ReadKey(m.Member, m.Parameter, known))).ToList();
        int withKeys = keyed.Count(m => m.Key is not null);
        var members = new List<SerializableMember>(keyed.Count);
        if (withKeys == 0)
        {
            for (int i = 0; i < keyed.Count; i++)
            {
                members.Add(new SerializableMember(keyed[i].Member, MemberType(keyed[i].Member), i, keyed[i].Assignment, keyed[i].Parameter));
            }

            return new SerializableObjectShape(constructor, members, null);
        }

        var seen = new HashSet<int>();
        foreach ((ISymbol member, IParameterSymbol? parameter, SerializableMemberAssignment assignment, int? key) in keyed)
        {
            if (key is not int index || index < 0 || index > 255 || !seen.Add(index))
            {
                return new SerializableObjectShape(constructor, [], "." + member.Name + "(key)");
            }

            members.Add(new SerializableMember(member, MemberType(member), index, assignment, parameter));
        }

        members.Sort((x, y) => x.Key.CompareTo(y.Key));
        return new SerializableObjectShape(constructor, members, null);
    }

    private static List<ISymbol> GetReadableMembers(INamedTypeSymbol type)
    {
        var chain = new List<INamedTypeSymbol>();
        for (INamedTypeSymbol? current = type; current is not null && current.SpecialType is not (SpecialType.System_Object or SpecialType.System_ValueType); current = current.BaseType)
        {
            chain.Insert(0, current);
        }

        var members = new List<ISymbol>();
        var positions = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (INamedTypeSymbol current in chain)
        {
            foreach (ISymbol member in current.GetMembers())
            {
                if (!IsReadable(member))
                {
                    continue;
                }

                if (positions.TryGetValue(member.Name, out int position))
                {
                    members[position] = member;
                }
                else
                {
                    positions.Add(member.Name, members.Count);
                    members.Add(member);
                }
            }
        }

        return members;
    }

    private static bool IsReadable(ISymbol member)
    {
        if (member.IsStatic || member.IsImplicitlyDeclared && member is IFieldSymbol || !IsVisible(member.DeclaredAccessibility)
            || member.GetAttributes().Any(a => a.AttributeClass?.Name is "IgnoreDataMemberAttribute" or "NonSerializedAttribute"))
        {
            return false;
        }

        return member switch
        {
            IPropertySymbol property => !property.IsIndexer && property.GetMethod is { } getter && IsVisible(getter.DeclaredAccessibility)
                && !property.ReturnsByRef && !property.ReturnsByRefReadonly && property.Name != "EqualityContract",
            IFieldSymbol field => !field.IsConst && field.AssociatedSymbol is null,
            _ => false,
        };
    }

    private static SerializableMemberAssignment? GetWriteAssignment(ISymbol member)
    {
        switch (member)
        {
            case IPropertySymbol { SetMethod: { } setter } property when IsVisible(setter.DeclaredAccessibility):
                return setter.IsInitOnly || property.IsRequired ? SerializableMemberAssignment.Initializer : SerializableMemberAssignment.Setter;
            case IFieldSymbol { IsReadOnly: false } field:
                return field.IsRequired ? SerializableMemberAssignment.Initializer : SerializableMemberAssignment.Setter;
            default:
                return null;
        }
    }

    private static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, List<ISymbol> readable)
    {
        IMethodSymbol? best = null;
        foreach (IMethodSymbol constructor in type.InstanceConstructors)
        {
            if (!IsVisible(constructor.DeclaredAccessibility)
                || (constructor.Parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(constructor.Parameters[0].Type, type)))
            {
                continue;
            }

            bool matches = constructor.Parameters.All(p => p.RefKind == RefKind.None && readable.Any(m =>
                string.Equals(m.Name, p.Name, StringComparison.OrdinalIgnoreCase) && SameType(MemberType(m), p.Type)));
            if (matches && (best is null || constructor.Parameters.Length > best.Parameters.Length))
            {
                best = constructor;
            }
        }

        return best;
    }

    private static int? ReadKey(ISymbol member, IParameterSymbol? parameter, SerializableKnownTypes known)
    {
        if (known.KeyAttribute is not { } keyAttribute)
        {
            return null;
        }

        foreach (ISymbol symbol in parameter is null ? [member] : new ISymbol[] { member, parameter })
        {
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (Is(attribute.AttributeClass, keyAttribute) && attribute.ConstructorArguments.Length == 1
                    && attribute.ConstructorArguments[0].Value is int index)
                {
                    return index;
                }
            }
        }

        return null;
    }

    private static bool SameType(ITypeSymbol x, ITypeSymbol y) =>
        SymbolEqualityComparer.Default.Equals(x, y)
        || (x is IErrorTypeSymbol || y is IErrorTypeSymbol) && string.Equals(x.ToDisplayString(), y.ToDisplayString(), StringComparison.Ordinal);
}
