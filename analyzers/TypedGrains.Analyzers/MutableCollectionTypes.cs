using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Analyzers;

/// <summary>
/// The collection types of a compilation whose contents can be changed in place, resolved once per compilation. A
/// class counts when it derives from one of them; an interface when it is or extends one of the mutable interfaces.
/// Structs and classes are not judged by the interfaces they implement: <c>ImmutableArray&lt;T&gt;</c> implements
/// <c>IList&lt;T&gt;</c> and throws on every change.
/// </summary>
internal sealed class MutableCollectionTypes
{
    private static readonly string[] ClassNames =
    [
        "System.Collections.Generic.List`1",
        "System.Collections.Generic.Dictionary`2",
        "System.Collections.Generic.HashSet`1",
        "System.Collections.Generic.SortedDictionary`2",
        "System.Collections.Generic.SortedSet`1",
        "System.Collections.Generic.SortedList`2",
        "System.Collections.Generic.Queue`1",
        "System.Collections.Generic.Stack`1",
        "System.Collections.Generic.LinkedList`1",
        "System.Collections.Generic.PriorityQueue`2",
        "System.Collections.ObjectModel.Collection`1",
        "System.Collections.ObjectModel.ObservableCollection`1",
        "System.Collections.Concurrent.ConcurrentDictionary`2",
        "System.Collections.Concurrent.ConcurrentQueue`1",
        "System.Collections.Concurrent.ConcurrentStack`1",
        "System.Collections.Concurrent.ConcurrentBag`1",
        "System.Collections.ArrayList",
        "System.Collections.Hashtable",
    ];

    private static readonly string[] InterfaceNames =
    [
        "System.Collections.Generic.IList`1",
        "System.Collections.Generic.ICollection`1",
        "System.Collections.Generic.IDictionary`2",
        "System.Collections.Generic.ISet`1",
        "System.Collections.IList",
        "System.Collections.IDictionary",
    ];

    private readonly HashSet<INamedTypeSymbol> _classes;
    private readonly HashSet<INamedTypeSymbol> _interfaces;

    private MutableCollectionTypes(HashSet<INamedTypeSymbol> classes, HashSet<INamedTypeSymbol> interfaces, INamedTypeSymbol? enumerable, INamedTypeSymbol? readOnlyDictionary)
    {
        _classes = classes;
        _interfaces = interfaces;
        Enumerable = enumerable;
        ReadOnlyDictionary = readOnlyDictionary;
    }

    /// <summary><c>IEnumerable&lt;T&gt;</c>, which names the element of a read-only or immutable collection in a path.</summary>
    public INamedTypeSymbol? Enumerable { get; }

    /// <summary><c>IReadOnlyDictionary&lt;K,V&gt;</c>, which names the key and value of a map in a path.</summary>
    public INamedTypeSymbol? ReadOnlyDictionary { get; }

    /// <summary>Resolves the types of <paramref name="compilation"/>; the ones it does not reference are left out.</summary>
    public static MutableCollectionTypes Create(Compilation compilation)
    {
        return new MutableCollectionTypes(
            Resolve(compilation, ClassNames),
            Resolve(compilation, InterfaceNames),
            compilation.GetTypeByMetadataName("System.Collections.Generic.IEnumerable`1"),
            compilation.GetTypeByMetadataName("System.Collections.Generic.IReadOnlyDictionary`2"));
    }

    /// <summary>Whether <paramref name="type"/> is an array, a mutable collection class (or derives from one), or a mutable collection interface.</summary>
    public bool IsMutableCollection(ITypeSymbol type)
    {
        switch (type)
        {
            case IArrayTypeSymbol:
                return true;
            case INamedTypeSymbol { TypeKind: TypeKind.Interface } named:
                if (_interfaces.Contains(named.OriginalDefinition))
                {
                    return true;
                }

                foreach (INamedTypeSymbol extended in named.AllInterfaces)
                {
                    if (_interfaces.Contains(extended.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return false;
            case INamedTypeSymbol { TypeKind: TypeKind.Class } named:
                for (INamedTypeSymbol? current = named; current is not null; current = current.BaseType)
                {
                    if (_classes.Contains(current.OriginalDefinition))
                    {
                        return true;
                    }
                }

                return false;
            default:
                return false;
        }
    }

    private static HashSet<INamedTypeSymbol> Resolve(Compilation compilation, string[] metadataNames)
    {
        var types = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        foreach (string name in metadataNames)
        {
            if (compilation.GetTypeByMetadataName(name) is { } type)
            {
                types.Add(type);
            }
        }

        return types;
    }
}
