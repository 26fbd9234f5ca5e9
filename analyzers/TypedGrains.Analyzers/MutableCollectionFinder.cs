using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Analyzers;

/// <summary>A mutable collection reachable from a state type.</summary>
internal sealed class MutableCollectionFinding
{
    public MutableCollectionFinding(string path, ITypeSymbol collection, ISymbol? member)
    {
        Path = path;
        Collection = collection;
        Member = member;
    }

    /// <summary>The member path from the state, for example <c>OrderState.Lines[].Tags</c>.</summary>
    public string Path { get; }

    /// <summary>The mutable collection type.</summary>
    public ITypeSymbol Collection { get; }

    /// <summary>The property or field whose declared type is the collection, or <c>null</c> when the collection is a type argument or array element.</summary>
    public ISymbol? Member { get; }
}

/// <summary>
/// Walks a state type for mutable collections: through the instance fields of records, classes and structs (the
/// backing field of an auto-property is named after the property; types from metadata show their public fields and
/// properties), through the type arguments of framework types (immutable collections, <c>Nullable&lt;T&gt;</c>,
/// read-only interfaces), and through tuple elements. Each type is walked once, at most <see cref="MaxDepth"/> deep and
/// over at most <see cref="MaxTypes"/> types, so cycles and generics that expand at every level end.
/// </summary>
internal sealed class MutableCollectionFinder
{
    /// <summary>How many members and type arguments deep the walk goes.</summary>
    public const int MaxDepth = 32;

    /// <summary>How many distinct types one walk looks into.</summary>
    public const int MaxTypes = 1024;

    private readonly MutableCollectionTypes _collections;
    private readonly HashSet<ITypeSymbol> _visited = new(SymbolEqualityComparer.Default);
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);
    private readonly List<MutableCollectionFinding> _findings = [];
    private readonly CancellationToken _cancellationToken;

    private MutableCollectionFinder(MutableCollectionTypes collections, CancellationToken cancellationToken)
    {
        _collections = collections;
        _cancellationToken = cancellationToken;
    }

    /// <summary>
    /// The mutable collections inside <paramref name="state"/>, each reported once at its first path, in member order. A
    /// state that is itself a mutable collection has none: the whole state is mutable, which TG0012 reports.
    /// </summary>
    public static IReadOnlyList<MutableCollectionFinding> Find(ITypeSymbol state, string rootPath, MutableCollectionTypes collections, CancellationToken cancellationToken)
    {
        var finder = new MutableCollectionFinder(collections, cancellationToken);
        if (!collections.IsMutableCollection(state))
        {
            finder.Visit(state, rootPath, owner: null, ownerPathLength: 0, direct: false, depth: 0);
        }

        return finder._findings;
    }

    /// <summary>Visits <paramref name="type"/>, reached at <paramref name="path"/>.</summary>
    /// <param name="type">The type to look into.</param>
    /// <param name="path">The path that reaches it.</param>
    /// <param name="owner">The last member on the path (<c>null</c> at the root), which the finding is reported against.</param>
    /// <param name="ownerPathLength">The length of the path up to and including <paramref name="owner"/>.</param>
    /// <param name="direct">Whether <paramref name="type"/> is the type of <paramref name="owner"/> itself.</param>
    /// <param name="depth">How many members and type arguments deep the walk is.</param>
    private void Visit(ITypeSymbol type, string path, ISymbol? owner, int ownerPathLength, bool direct, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        if (depth > 0 && _collections.IsMutableCollection(type))
        {
            // One finding per declared member and position in its type: a generic that expands at every level reaches
            // the same declaration through ever longer paths.
            string key = (owner?.OriginalDefinition.ToDisplayString() ?? string.Empty) + "|" + path.Substring(ownerPathLength);
            if (_reported.Add(key))
            {
                _findings.Add(new MutableCollectionFinding(path, type, direct ? owner : null));
            }

            return;
        }

        if (depth >= MaxDepth
            || type is not INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct or TypeKind.Interface } named
            || (named.SpecialType != SpecialType.None && named.OriginalDefinition.SpecialType != SpecialType.System_Nullable_T)
            || _visited.Count >= MaxTypes
            || !_visited.Add(named))
        {
            return;
        }

        if (named.IsTupleType)
        {
            foreach (IFieldSymbol element in named.TupleElements)
            {
                Visit(element.Type, path + "." + element.Name, owner, ownerPathLength, direct: false, depth + 1);
            }
        }
        else if (IsFramework(named))
        {
            for (int i = 0; i < named.TypeArguments.Length; i++)
            {
                Visit(named.TypeArguments[i], path + ArgumentSuffix(named, i), owner, ownerPathLength, direct: false, depth + 1);
            }
        }
        else
        {
            VisitMembers(named, path, depth);
        }
    }

    private void VisitMembers(INamedTypeSymbol type, string path, int depth)
    {
        for (INamedTypeSymbol? current = type; current is not null && !IsFramework(current); current = current.BaseType)
        {
            bool fieldsOnly = !current.DeclaringSyntaxReferences.IsEmpty && current.TypeKind != TypeKind.Interface;
            foreach (ISymbol member in current.GetMembers())
            {
                switch (member)
                {
                    case { IsStatic: true }:
                        break;

                    // A source class or struct shows every field, so the data it holds is exactly its fields (computed properties hold nothing).
                    case IFieldSymbol { IsConst: false } field when fieldsOnly:
                        ISymbol named = field.AssociatedSymbol ?? field;
                        VisitMember(field.Type, path + "." + named.Name, named, depth);
                        break;
                    case IFieldSymbol { IsConst: false, DeclaredAccessibility: Accessibility.Public } field:
                        VisitMember(field.Type, path + "." + field.Name, field, depth);
                        break;
                    case IPropertySymbol { IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property when !fieldsOnly:
                        VisitMember(property.Type, path + "." + property.Name, property, depth);
                        break;
                }
            }
        }
    }

    private void VisitMember(ITypeSymbol type, string path, ISymbol member, int depth) =>
        Visit(type, path, member, path.Length, direct: true, depth + 1);

    private string ArgumentSuffix(INamedTypeSymbol type, int index)
    {
        if (type.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return string.Empty;
        }

        if (type.Arity == 2 && Implements(type, _collections.ReadOnlyDictionary))
        {
            return index == 0 ? "{}" : "[]";
        }

        if (type.Arity == 1 && Implements(type, _collections.Enumerable))
        {
            return "[]";
        }

        return "<" + type.TypeParameters[index].Name + ">";
    }

    private static bool Implements(INamedTypeSymbol type, INamedTypeSymbol? generic)
    {
        if (generic is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, generic))
        {
            return true;
        }

        foreach (INamedTypeSymbol implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, generic))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Framework types are not walked member by member (their fields are implementation); only their type arguments are.</summary>
    private static bool IsFramework(INamedTypeSymbol type)
    {
        if (type.SpecialType is SpecialType.System_Object or SpecialType.System_ValueType)
        {
            return true;
        }

        INamespaceSymbol? ns = type.ContainingNamespace;
        if (ns is null || ns.IsGlobalNamespace)
        {
            return false;
        }

        while (ns.ContainingNamespace is { IsGlobalNamespace: false } parent)
        {
            ns = parent;
        }

        return ns.Name is "System" or "Microsoft";
    }
}
