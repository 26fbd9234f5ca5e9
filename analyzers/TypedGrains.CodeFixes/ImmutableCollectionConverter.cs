using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace TypedGrains.CodeFixes;

/// <summary>The edit that gives a state member an immutable collection type.</summary>
internal sealed class ImmutableCollectionEdit
{
    public ImmutableCollectionEdit(string memberName, string targetDisplay, TypeSyntax type, TypeSyntax newType, ExpressionSyntax? initializer, ExpressionSyntax? newInitializer)
    {
        MemberName = memberName;
        TargetDisplay = targetDisplay;
        Type = type;
        NewType = newType;
        Initializer = initializer;
        NewInitializer = newInitializer;
    }

    /// <summary>The member's name, for the title.</summary>
    public string MemberName { get; }

    /// <summary>The new type as the title shows it, for example <c>ImmutableList&lt;int&gt;</c>.</summary>
    public string TargetDisplay { get; }

    /// <summary>The declared type to replace.</summary>
    public TypeSyntax Type { get; }

    /// <summary>The immutable type, fully qualified and annotated for the clean-up to shorten where its namespace is imported.</summary>
    public TypeSyntax NewType { get; }

    /// <summary>The initializer or default value to replace, if it changes.</summary>
    public ExpressionSyntax? Initializer { get; }

    /// <summary>Its replacement.</summary>
    public ExpressionSyntax? NewInitializer { get; }
}

/// <summary>
/// Plans the change of a member's declared mutable collection type to the immutable one the serializer also supports,
/// with the same layout: <c>T[]</c> to <c>ImmutableArray&lt;T&gt;</c> (not <c>byte[]</c>, which is written as bin);
/// <c>List&lt;T&gt;</c>, <c>IList&lt;T&gt;</c>, <c>ICollection&lt;T&gt;</c> and <c>Collection&lt;T&gt;</c> to
/// <c>ImmutableList&lt;T&gt;</c>; <c>Dictionary&lt;K,V&gt;</c> and <c>IDictionary&lt;K,V&gt;</c> to
/// <c>ImmutableDictionary&lt;K,V&gt;</c>. The other collections have no supported immutable counterpart.
/// </summary>
internal static class ImmutableCollectionConverter
{
    private const string ImmutableNamespace = "global::System.Collections.Immutable";

    /// <summary>
    /// The edit for the member declared by <paramref name="declaration"/> (a record parameter, a property or the only
    /// variable of a field), or <c>null</c> when its type or its initializer cannot be converted.
    /// </summary>
    public static ImmutableCollectionEdit? Plan(SyntaxNode declaration, SemanticModel model, CancellationToken cancellationToken)
    {
        (TypeSyntax? declared, ExpressionSyntax? initializer, SyntaxToken name, bool isParameter) = declaration switch
        {
            ParameterSyntax parameter => (parameter.Type, parameter.Default?.Value, parameter.Identifier, true),
            PropertyDeclarationSyntax property => (property.Type, property.Initializer?.Value, property.Identifier, false),
            VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax { Variables.Count: 1, Parent: FieldDeclarationSyntax } field } variable
                => (field.Type, variable.Initializer?.Value, variable.Identifier, false),
            _ => default((TypeSyntax?, ExpressionSyntax?, SyntaxToken, bool)),
        };
        if (declared is null)
        {
            return null;
        }

        bool nullable = declared is NullableTypeSyntax;
        TypeSyntax type = declared is NullableTypeSyntax { ElementType: { } element } ? element : declared;
        if (model.GetTypeInfo(type, cancellationToken).Type is not { } symbol
            || Target(type, symbol) is not ({ } target, { } arguments)
            || model.Compilation.GetTypeByMetadataName("System.Collections.Immutable." + target + "`" + arguments.Arguments.Count) is null)
        {
            return null;
        }

        TypeSyntax newType = SyntaxFactory.QualifiedName(
                SyntaxFactory.ParseName(ImmutableNamespace),
                SyntaxFactory.GenericName(SyntaxFactory.Identifier(target), arguments))
            .WithTriviaFrom(type)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        ExpressionSyntax? newInitializer = null;
        if (initializer is not null && !ConvertInitializer(initializer, model, target, newType, nullable, isParameter, cancellationToken, out newInitializer))
        {
            return null;
        }

        string display = target + "<" + string.Join(", ", TypeArguments(symbol)) + ">";
        return new ImmutableCollectionEdit(name.ValueText, display, type, newType, newInitializer is null ? null : initializer, newInitializer);
    }

    /// <summary>The immutable type's name and its type arguments (taken from the declaration), or nothing.</summary>
    private static (string? Target, TypeArgumentListSyntax? Arguments) Target(TypeSyntax type, ITypeSymbol symbol)
    {
        if (symbol is IArrayTypeSymbol { IsSZArray: true, ElementType.SpecialType: not SpecialType.System_Byte }
            && type is ArrayTypeSyntax { RankSpecifiers.Count: 1 } array
            && array.RankSpecifiers[0].Rank == 1)
        {
            return ("ImmutableArray", SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(array.ElementType.WithoutTrivia())));
        }

        SimpleNameSyntax? simple = type switch
        {
            QualifiedNameSyntax qualified => qualified.Right,
            AliasQualifiedNameSyntax aliased => aliased.Name,
            SimpleNameSyntax other => other,
            _ => null,
        };
        if (simple is not GenericNameSyntax generic || symbol is not INamedTypeSymbol named)
        {
            return default;
        }

        string? target = ImmutableCounterpart(named);
        return target is null ? default : (target, generic.TypeArgumentList.WithoutTrivia());
    }

    private static string? ImmutableCounterpart(INamedTypeSymbol type) => MetadataName(type.OriginalDefinition) switch
    {
        "System.Collections.Generic.List`1"
            or "System.Collections.Generic.IList`1"
            or "System.Collections.Generic.ICollection`1"
            or "System.Collections.ObjectModel.Collection`1" => "ImmutableList",
        "System.Collections.Generic.Dictionary`2" or "System.Collections.Generic.IDictionary`2" => "ImmutableDictionary",
        _ => null,
    };

    /// <summary>
    /// Keeps <c>null</c>/<c>default</c> of a nullable member and a collection expression of a list or array; turns an
    /// empty <c>new()</c>, <c>new List&lt;T&gt;()</c> (of a collection with the same counterpart), <c>[]</c> or
    /// <c>Array.Empty&lt;T&gt;()</c> into <c>Target.Empty</c>. Nothing else converts (a parameter default must stay a
    /// constant; an initializer with elements or arguments would need rewriting by hand).
    /// </summary>
    private static bool ConvertInitializer(
        ExpressionSyntax initializer, SemanticModel model, string target, TypeSyntax newType, bool nullable, bool isParameter, CancellationToken cancellationToken, out ExpressionSyntax? converted)
    {
        converted = null;
        if (initializer is ObjectCreationExpressionSyntax
            && (model.GetTypeInfo(initializer, cancellationToken).Type is not INamedTypeSymbol created || ImmutableCounterpart(created) != target))
        {
            return false;
        }

        switch (initializer)
        {
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.NullLiteralExpression) || literal.IsKind(SyntaxKind.DefaultLiteralExpression):
                return nullable;
            case CollectionExpressionSyntax when !isParameter && target != "ImmutableDictionary":
                return true;
            case CollectionExpressionSyntax { Elements.Count: 0 } when !isParameter:
            case ImplicitObjectCreationExpressionSyntax { ArgumentList.Arguments.Count: 0, Initializer: null } when !isParameter:
            case ObjectCreationExpressionSyntax { ArgumentList: null or { Arguments.Count: 0 }, Initializer: null } when !isParameter:
            case InvocationExpressionSyntax { ArgumentList.Arguments.Count: 0 } invocation when !isParameter && target == "ImmutableArray"
                && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "Empty", ContainingType.SpecialType: SpecialType.System_Array }:
                converted = SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, newType.WithoutTrivia(), SyntaxFactory.IdentifierName("Empty"))
                    .WithTriviaFrom(initializer);
                return true;
            default:
                return false;
        }
    }

    private static string MetadataName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    private static string[] TypeArguments(ITypeSymbol symbol) => symbol switch
    {
        IArrayTypeSymbol array => [array.ElementType.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)],
        INamedTypeSymbol named => named.TypeArguments.Select(a => a.ToDisplayString(SymbolDisplayFormat.CSharpShortErrorMessageFormat)).ToArray(),
        _ => [],
    };
}
