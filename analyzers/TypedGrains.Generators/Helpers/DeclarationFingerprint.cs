using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// A syntax tree's text without the bodies of its methods, constructors, operators, accessors and local functions:
/// everything the grain models can depend on. Each removed body leaves a marker that says whether it holds an
/// <c>async</c> or <c>await</c> token, the one fact of a body that a model reads (<see cref="SynchronousGrainRule"/>),
/// and keeps the body's directives. Trivia outside bodies (doc comments, directives) is kept. Computed once per tree.
/// Not covered: the locations of internal-error diagnostics, which a body edit above the grain can move.
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
                text.Append(Marker(item.AsNode()!));
            }
        }

        return text.ToString();
    }

    private static bool IsBody(SyntaxNode node) =>
        node is BlockSyntax or ArrowExpressionClauseSyntax
        && node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax;

    /// <summary>
    /// What stands for a removed body: whether it holds an <c>async</c> or <c>await</c> token, and its directives
    /// (a <c>#nullable</c> inside a body changes the annotations of the declarations after it).
    /// </summary>
    private static string Marker(SyntaxNode body)
    {
        bool async = false;
        StringBuilder? directives = null;
        foreach (SyntaxToken token in body.DescendantTokens())
        {
            async |= token.IsKind(SyntaxKind.AsyncKeyword) || token.IsKind(SyntaxKind.AwaitKeyword);
            if (token.ContainsDirectives)
            {
                foreach (SyntaxTrivia trivia in token.LeadingTrivia)
                {
                    if (trivia.IsDirective)
                    {
                        (directives ??= new StringBuilder()).Append(trivia.ToFullString());
                    }
                }
            }
        }

        return (async ? "{async" : "{") + directives?.ToString() + "}";
    }
}
