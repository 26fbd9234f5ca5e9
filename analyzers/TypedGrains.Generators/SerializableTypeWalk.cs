using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators;

/// <summary>
/// One walk of <see cref="SerializableTypeRules.FindProblems"/> over the types reachable from a root. It always ends:
/// each object type is looked into once (the seen set), the object types on the current path are kept so that a
/// generic definition constructed more than <see cref="SerializableTypeRules.MaxGenericNesting"/> different ways on one
/// path is reported as expanding, and no path goes deeper than <see cref="SerializableTypeRules.MaxDepth"/>.
/// </summary>
internal sealed class SerializableTypeWalk
{
    private readonly SerializableKnownTypes _known;
    private readonly CancellationToken _cancellationToken;
    private readonly HashSet<ITypeSymbol> _visited = new(SymbolEqualityComparer.Default);
    private readonly List<INamedTypeSymbol> _objectPath = [];
    private readonly List<SerializationProblem> _problems = [];

    public SerializableTypeWalk(SerializableKnownTypes known, CancellationToken cancellationToken)
    {
        _known = known;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The problems found so far, in walk order.</summary>
    public IReadOnlyList<SerializationProblem> Problems => _problems;

    /// <summary>Visits <paramref name="type"/>, reached at <paramref name="path"/>; <c>false</c> once the walk stops.</summary>
    public bool Visit(ITypeSymbol type, string path, ISymbol context, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (depth > SerializableTypeRules.MaxDepth)
        {
            return Stop(path, SerializationProblemKind.TooDeep, type);
        }

        SerializableKind kind = SerializableTypeRules.Classify(type, context, _known);
        switch (kind)
        {
            case SerializableKind.Unsupported:
                return Stop(path, SerializationProblemKind.Unsupported, type);
            case SerializableKind.Array:
            case SerializableKind.List:
            case SerializableKind.ImmutableArray:
            case SerializableKind.ImmutableList:
                return Visit(SerializableTypeRules.GetElementTypes(type, kind)[0], path + "[]", context, depth + 1);
            case SerializableKind.Nullable:
                return Visit(SerializableTypeRules.GetElementTypes(type, kind)[0], path, context, depth + 1);
            case SerializableKind.Dictionary:
            case SerializableKind.ImmutableDictionary:
                ITypeSymbol[] pair = SerializableTypeRules.GetElementTypes(type, kind);
                return Visit(pair[0], path + "{}", context, depth + 1) && Visit(pair[1], path + "[]", context, depth + 1);
            case SerializableKind.Object:
                return VisitObject((INamedTypeSymbol)type, path, depth);
            default:
                return true;
        }
    }

    private bool VisitObject(INamedTypeSymbol type, string path, int depth)
    {
        if (!_visited.Add(type))
        {
            return true;
        }

        if (IsExpanding(type))
        {
            return Stop(path, SerializationProblemKind.ExpandingGeneric, type.OriginalDefinition);
        }

        SerializableObjectShape shape = SerializableTypeRules.GetObjectShape(type, _known);
        if (shape.Problem is not null)
        {
            return Stop(path + shape.Problem, SerializationProblemKind.Unsupported, type);
        }

        _objectPath.Add(type);
        try
        {
            foreach (SerializableMember member in shape.Members)
            {
                if (!Visit(member.Type, path + "." + member.Symbol.Name, member.Symbol, depth + 1))
                {
                    return false;
                }
            }

            return true;
        }
        finally
        {
            _objectPath.RemoveAt(_objectPath.Count - 1);
        }
    }

    /// <summary>Whether <paramref name="type"/>'s definition is already on the path constructed too many other ways.</summary>
    private bool IsExpanding(INamedTypeSymbol type)
    {
        if (!type.IsGenericType)
        {
            return false;
        }

        int constructions = 0;
        foreach (INamedTypeSymbol outer in _objectPath)
        {
            if (SymbolEqualityComparer.Default.Equals(outer.OriginalDefinition, type.OriginalDefinition))
            {
                constructions++;
            }
        }

        return constructions >= SerializableTypeRules.MaxGenericNesting;
    }

    private bool Stop(string path, SerializationProblemKind kind, ITypeSymbol type)
    {
        _problems.Add(new SerializationProblem(path, kind, type));
        return false;
    }
}
