using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators;

/// <summary>
/// One walk of <see cref="SerializableTypeRules.FindProblems"/> over the types reachable from a root, recording every
/// type that cannot be serialized (at most <see cref="SerializableTypeRules.MaxProblems"/>). It always ends:
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
    private readonly HashSet<ITypeSymbol> _expanding = new(SymbolEqualityComparer.Default);

    public SerializableTypeWalk(SerializableKnownTypes known, CancellationToken cancellationToken)
    {
        _known = known;
        _cancellationToken = cancellationToken;
    }

    /// <summary>The problems found so far, in walk order.</summary>
    public IReadOnlyList<SerializationProblem> Problems => _problems;

    /// <summary>
    /// Visits <paramref name="type"/>, reached at <paramref name="path"/> through <paramref name="member"/> (<c>null</c> at
    /// the root), recording every problem below it; a problem ends only its own branch.
    /// </summary>
    public void Visit(ITypeSymbol type, string path, ISymbol context, ISymbol? member, int depth)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        RuntimeHelpers.EnsureSufficientExecutionStack();
        if (_problems.Count >= SerializableTypeRules.MaxProblems)
        {
            return;
        }

        if (depth > SerializableTypeRules.MaxDepth)
        {
            Add(path, SerializationProblemKind.TooDeep, type, member);
            return;
        }

        SerializableKind kind = SerializableTypeRules.Classify(type, context, _known);
        switch (kind)
        {
            case SerializableKind.Unsupported:
                Add(path, SerializationProblemKind.Unsupported, type, member);
                return;
            case SerializableKind.Array:
            case SerializableKind.List:
            case SerializableKind.ImmutableArray:
            case SerializableKind.ImmutableList:
                Visit(SerializableTypeRules.GetElementTypes(type, kind)[0], path + "[]", context, member, depth + 1);
                return;
            case SerializableKind.Nullable:
                Visit(SerializableTypeRules.GetElementTypes(type, kind)[0], path, context, member, depth + 1);
                return;
            case SerializableKind.Dictionary:
            case SerializableKind.ImmutableDictionary:
                ITypeSymbol[] pair = SerializableTypeRules.GetElementTypes(type, kind);
                Visit(pair[0], path + "{}", context, member, depth + 1);
                Visit(pair[1], path + "[]", context, member, depth + 1);
                return;
            case SerializableKind.Object:
                VisitObject((INamedTypeSymbol)type, path, member, depth);
                return;
        }
    }

    private void VisitObject(INamedTypeSymbol type, string path, ISymbol? member, int depth)
    {
        if (!_visited.Add(type))
        {
            return;
        }

        if (IsExpanding(type))
        {
            // Once per generic definition: every branch through it expands the same way.
            if (_expanding.Add(type.OriginalDefinition))
            {
                Add(path, SerializationProblemKind.ExpandingGeneric, type.OriginalDefinition, member);
            }

            return;
        }

        SerializableObjectShape shape = SerializableTypeRules.GetObjectShape(type, _known);
        if (shape.Problem is not null)
        {
            Add(path + shape.Problem, SerializationProblemKind.Unsupported, type, member);
            return;
        }

        _objectPath.Add(type);
        foreach (SerializableMember serialized in shape.Members)
        {
            Visit(serialized.Type, path + "." + serialized.Symbol.Name, serialized.Symbol, serialized.Symbol, depth + 1);
        }

        _objectPath.RemoveAt(_objectPath.Count - 1);
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

    private void Add(string path, SerializationProblemKind kind, ITypeSymbol type, ISymbol? member) =>
        _problems.Add(new SerializationProblem(path, kind, type, member, SerializationRefusal.Explain(kind, type, path)));
}
