using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// Two compilations are equal here when no grain model can tell them apart: the same assembly name, options and
/// references (the same objects), and, tree by tree in order, the same parse options and
/// <see cref="DeclarationFingerprint"/>. An edit inside a method body leaves them equal, so the pipeline keeps the
/// previous compilation and its models; any other edit, in any file, makes them differ.
/// </summary>
internal sealed class DeclarationComparer : IEqualityComparer<Compilation>
{
    public static readonly DeclarationComparer Instance = new();

    public bool Equals(Compilation? x, Compilation? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is not CSharpCompilation first || y is not CSharpCompilation second
            || first.SyntaxTrees.Length != second.SyntaxTrees.Length
            || x.ExternalReferences.Length != y.ExternalReferences.Length
            || !string.Equals(x.AssemblyName, y.AssemblyName, System.StringComparison.Ordinal)
            || !x.Options.Equals(y.Options))
        {
            return false;
        }

        for (int i = 0; i < x.ExternalReferences.Length; i++)
        {
            if (!ReferenceEquals(x.ExternalReferences[i], y.ExternalReferences[i]))
            {
                return false;
            }
        }

        for (int i = 0; i < first.SyntaxTrees.Length; i++)
        {
            SyntaxTree a = first.SyntaxTrees[i];
            SyntaxTree b = second.SyntaxTrees[i];
            if (!ReferenceEquals(a, b)
                && (!a.Options.Equals(b.Options)
                    || !string.Equals(DeclarationFingerprint.Of(a), DeclarationFingerprint.Of(b), System.StringComparison.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    public int GetHashCode(Compilation obj) => obj.ExternalReferences.Length;
}
