using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// A syntax tree's text without the bodies of its methods, constructors, operators, accessors and local functions:
/// everything the grain models can depend on. Each removed body leaves a marker that says whether it holds an
/// <c>async</c> or <c>await</c> token, the one fact of a body that a model reads (<see cref="SynchronousGrainRule"/>).
/// Trivia outside bodies (doc comments, <c>#if</c> regions) is kept. Computed once per tree.
/// </summary>
internal static class DeclarationFingerprint
{
    private static readonly ConditionalWeakTable<SyntaxTree, string> Cache = new();

    /// <summary>The fingerprint of <paramref name="tree"/>; equal for two trees that differ only inside bodies.</summary>
    public static string Of(SyntaxTree tree) => Cache.GetValue(tree, static t => Compute(t.GetRoot()));

    internal static string Compute(SyntaxNode root)
    {
        var text = new StringBuilder(root.FullSpan.Length / 2);
        foreach (SyntaxNodeOrToken item in root.DescendantNodesAndTokens(static node => !IsBody(node)))
        {
            if (item.IsToken)
            {
                text.Append(item.AsToken().ToFullString());
            }
            else if (IsBody(item.AsNode()!))
            {
                text.Append(HasAsyncOrAwait(item.AsNode()!) ? "{async}" : "{}");
            }
        }

        return text.ToString();
    }

    private static bool IsBody(SyntaxNode node) =>
        node is BlockSyntax or ArrowExpressionClauseSyntax
        && node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax;

    private static bool HasAsyncOrAwait(SyntaxNode body)
    {
        foreach (SyntaxToken token in body.DescendantTokens())
        {
            if (token.IsKind(SyntaxKind.AsyncKeyword) || token.IsKind(SyntaxKind.AwaitKeyword))
            {
                return true;
            }
        }

        return false;
    }
}
