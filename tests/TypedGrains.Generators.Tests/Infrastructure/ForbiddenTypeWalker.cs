using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators.Tests.Infrastructure;

/// <summary>
/// Walks an object graph (fields of every type in the hierarchy, and the items of any collection) and reports any
/// Roslyn object that must not be kept in an incremental pipeline step output.
/// </summary>
internal static class ForbiddenTypeWalker
{
    private static readonly Type[] Forbidden =
        [typeof(ISymbol), typeof(SyntaxNode), typeof(SyntaxTree), typeof(Location), typeof(SemanticModel), typeof(Compilation)];

    /// <summary>The paths of the forbidden objects reachable from <paramref name="root"/>.</summary>
    public static List<string> FindForbidden(object? root, string rootName)
    {
        var found = new List<string>();
        Visit(root, rootName, found, new HashSet<object>(ReferenceEqualityComparer.Instance));
        return found;
    }

    private static void Visit(object? value, string path, List<string> found, HashSet<object> seen)
    {
        if (value is null)
        {
            return;
        }

        Type type = value.GetType();
        foreach (Type forbidden in Forbidden)
        {
            if (forbidden.IsAssignableFrom(type))
            {
                found.Add($"{path}: {type.FullName}");
                return;
            }
        }

        if (type.IsPrimitive || type.IsEnum || value is string || value is decimal || value is Type)
        {
            return;
        }

        if (!type.IsValueType && !seen.Add(value))
        {
            return;
        }

        if (value is IEnumerable items)
        {
            int index = 0;
            foreach (object? item in items)
            {
                Visit(item, $"{path}[{index++}]", found, seen);
            }
        }

        for (Type? current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (FieldInfo field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType.IsPointer || field.FieldType.IsByRefLike)
                {
                    continue;
                }

                Visit(field.GetValue(value), $"{path}.{field.Name}", found, seen);
            }
        }
    }
}
