using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Rewrites a class declaration as a record whose properties are init-only. A field the serializer writes (public or
/// internal, not <c>[IgnoreDataMember]</c>/<c>[NonSerialized]</c>) becomes an init-only auto-property of the same name,
/// so the serialized layout stays the same and <c>with</c> can still set it; any other field becomes readonly.
/// </summary>
internal static class RecordConverter
{
    /// <summary>Converts <paramref name="declaration"/> (a class or a record class).</summary>
    public static TypeDeclarationSyntax Convert(TypeDeclarationSyntax declaration)
    {
        var members = new List<MemberDeclarationSyntax>(declaration.Members.Count);
        foreach (MemberDeclarationSyntax member in declaration.Members)
        {
            if (!IsOwnMember(member))
            {
                members.Add(member);
                continue;
            }

            switch (member)
            {
                case PropertyDeclarationSyntax { AccessorList: { } accessors } property:
                    members.Add(property.ReplaceNodes(
                        accessors.Accessors.Where(a => a.IsKind(SyntaxKind.SetAccessorDeclaration)),
                        (original, _) => ToInit(original)));
                    break;
                case FieldDeclarationSyntax field when !field.Modifiers.Any(SyntaxKind.ReadOnlyKeyword):
                    if (IsSerialized(field))
                    {
                        members.AddRange(ToInitProperties(field));
                    }
                    else
                    {
                        members.Add(ToReadonly(field));
                    }

                    break;
                default:
                    members.Add(member);
                    break;
            }
        }

        TypeDeclarationSyntax withImmutableMembers = declaration.WithMembers(SyntaxFactory.List(members));
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

    // The serialization rules (SerializableTypeRules) write public, internal and protected internal instance fields
    // that are not readonly, unless [IgnoreDataMember] or [NonSerialized] excludes them.
    private static bool IsSerialized(FieldDeclarationSyntax field) =>
        (field.Modifiers.Any(SyntaxKind.PublicKeyword) || field.Modifiers.Any(SyntaxKind.InternalKeyword))
        && !field.Modifiers.Any(SyntaxKind.FixedKeyword)
        && !field.AttributeLists.SelectMany(list => list.Attributes).Any(attribute => AttributeName(attribute.Name)
            is "IgnoreDataMember" or "IgnoreDataMemberAttribute" or "NonSerialized" or "NonSerializedAttribute");

    private static string AttributeName(NameSyntax name) => name switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.ValueText,
        AliasQualifiedNameSyntax aliased => aliased.Name.Identifier.ValueText,
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => name.ToString(),
    };

    private static AccessorDeclarationSyntax ToInit(AccessorDeclarationSyntax setter) =>
        SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration).WithAttributeLists(setter.AttributeLists).WithModifiers(setter.Modifiers).WithBody(setter.Body)
            .WithKeyword(SyntaxFactory.Token(setter.Keyword.LeadingTrivia, SyntaxKind.InitKeyword, setter.Keyword.TrailingTrivia))
            .WithExpressionBody(setter.ExpressionBody)
            .WithSemicolonToken(setter.SemicolonToken);

    /// <summary><c>public int A = 1, B;</c> becomes <c>public int A { get; init; } = 1;</c> and <c>public int B { get; init; }</c>.</summary>
    private static IEnumerable<PropertyDeclarationSyntax> ToInitProperties(FieldDeclarationSyntax field)
    {
        SyntaxTriviaList leading = field.GetLeadingTrivia();
        SyntaxTriviaList indentation = Indentation(leading);
        SyntaxTriviaList endOfLine = field.SemicolonToken.TrailingTrivia;
        SyntaxTokenList modifiers = SyntaxFactory.TokenList(field.Modifiers.Where(m => !m.IsKind(SyntaxKind.VolatileKeyword)));
        SeparatedSyntaxList<VariableDeclaratorSyntax> variables = field.Declaration.Variables;
        for (int i = 0; i < variables.Count; i++)
        {
            VariableDeclaratorSyntax variable = variables[i];
            SyntaxToken closeBrace = SyntaxFactory.Token(SyntaxKind.CloseBraceToken);
            SyntaxToken semicolon = default;
            EqualsValueClauseSyntax? initializer = null;
            if (variable.Initializer is { } value)
            {
                closeBrace = closeBrace.WithTrailingTrivia(SyntaxFactory.Space);
                initializer = value.WithoutLeadingTrivia().WithoutTrailingTrivia();
                semicolon = SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, endOfLine);
            }
            else
            {
                closeBrace = closeBrace.WithTrailingTrivia(endOfLine);
            }

            AccessorListSyntax accessors = SyntaxFactory.AccessorList(
                SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.OpenBraceToken, SyntaxFactory.TriviaList(SyntaxFactory.Space)),
                SyntaxFactory.List(new[]
                {
                    SyntaxFactory.AccessorDeclaration(SyntaxKind.GetAccessorDeclaration).WithSemicolonToken(SemicolonAndSpace()),
                    SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration).WithSemicolonToken(SemicolonAndSpace()),
                }),
                closeBrace);

            yield return SyntaxFactory.PropertyDeclaration(
                    field.AttributeLists,
                    modifiers,
                    field.Declaration.Type,
                    null,
                    variable.Identifier.WithLeadingTrivia().WithTrailingTrivia(SyntaxFactory.Space),
                    accessors,
                    null,
                    initializer,
                    semicolon)
                .WithLeadingTrivia(i == 0 ? leading : indentation);
        }
    }

    private static SyntaxToken SemicolonAndSpace() =>
        SyntaxFactory.Token(SyntaxFactory.TriviaList(), SyntaxKind.SemicolonToken, SyntaxFactory.TriviaList(SyntaxFactory.Space));

    private static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        int start = leading.Count;
        while (start > 0 && leading[start - 1].IsKind(SyntaxKind.WhitespaceTrivia))
        {
            start--;
        }

        return SyntaxFactory.TriviaList(leading.Skip(start));
    }

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

        // A field cannot be both volatile and readonly.
        SyntaxTokenList modifiers = field.Modifiers;
        if (modifiers.IndexOf(SyntaxKind.VolatileKeyword) is int volatileIndex and >= 0)
        {
            SyntaxToken removed = modifiers[volatileIndex];
            modifiers = modifiers.RemoveAt(volatileIndex);
            if (volatileIndex == 0)
            {
                return field.WithModifiers(modifiers.Insert(0, readonlyKeyword.WithLeadingTrivia(removed.LeadingTrivia)));
            }
        }

        return field.WithModifiers(modifiers.Add(readonlyKeyword));
    }
}
