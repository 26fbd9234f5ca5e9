using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedGrains.CodeFixes;

/// <summary>Rewrites a class declaration as a record whose properties are init-only and whose fields are readonly.</summary>
internal static class RecordConverter
{
    /// <summary>Converts <paramref name="declaration"/> (a class or a record class).</summary>
    public static TypeDeclarationSyntax Convert(TypeDeclarationSyntax declaration)
    {
        TypeDeclarationSyntax withImmutableMembers = declaration.ReplaceNodes(
            declaration.Members.Where(IsOwnMember).SelectMany(MutableParts),
            (original, _) => original switch
            {
                AccessorDeclarationSyntax setter => ToInit(setter),
                FieldDeclarationSyntax field => ToReadonly(field),
                _ => original,
            });

        if (withImmutableMembers is not ClassDeclarationSyntax type)
        {
            return withImmutableMembers;
        }

        return SyntaxFactory.RecordDeclaration(
                SyntaxKind.RecordDeclaration,
                type.AttributeLists,
                type.Modifiers,
                SyntaxFactory.Token(type.Keyword.LeadingTrivia, SyntaxKind.RecordKeyword, type.Keyword.TrailingTrivia),
                default,
                type.Identifier,
                type.TypeParameterList,
                null,
                type.BaseList,
                type.ConstraintClauses,
                type.OpenBraceToken,
                type.Members,
                type.CloseBraceToken,
                type.SemicolonToken);
    }

    private static bool IsOwnMember(MemberDeclarationSyntax member) =>
        !member.Modifiers.Any(SyntaxKind.StaticKeyword) && !member.Modifiers.Any(SyntaxKind.ConstKeyword);

    private static System.Collections.Generic.IEnumerable<SyntaxNode> MutableParts(MemberDeclarationSyntax member) => member switch
    {
        PropertyDeclarationSyntax { AccessorList: { } accessors } => accessors.Accessors.Where(a => a.IsKind(SyntaxKind.SetAccessorDeclaration)),
        FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword) => new SyntaxNode[] { field },
        _ => Enumerable.Empty<SyntaxNode>(),
    };

    private static AccessorDeclarationSyntax ToInit(AccessorDeclarationSyntax setter) =>
        SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration).WithAttributeLists(setter.AttributeLists).WithModifiers(setter.Modifiers).WithBody(setter.Body)
            .WithKeyword(SyntaxFactory.Token(setter.Keyword.LeadingTrivia, SyntaxKind.InitKeyword, setter.Keyword.TrailingTrivia))
            .WithExpressionBody(setter.ExpressionBody)
            .WithSemicolonToken(setter.SemicolonToken);

    private static FieldDeclarationSyntax ToReadonly(FieldDeclarationSyntax field)
    {
        SyntaxToken readonlyKeyword = SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space);
        if (field.Modifiers.Count == 0)
        {
            TypeSyntax type = field.Declaration.Type;
            return field
                .WithDeclaration(field.Declaration.WithType(type.WithLeadingTrivia()))
                .WithModifiers(SyntaxFactory.TokenList(readonlyKeyword.WithLeadingTrivia(type.GetLeadingTrivia())));
        }

        return field.WithModifiers(field.Modifiers.Add(readonlyKeyword));
    }
}
