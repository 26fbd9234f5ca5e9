using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

public sealed partial class GrainGenerator
{
    /// <summary>
    /// Finds the <c>[Grain]</c> class declarations of a compilation, in tree and document order (as
    /// <c>ForAttributeWithMetadataName</c> would), and parses each with the compilation's known types, looked up once.
    /// </summary>
    internal static class Finder
    {
        public static ImmutableArray<GrainParseResult> ParseAll(Compilation compilation, System.Action<string, string>? inject, CancellationToken cancellationToken)
        {
            if (GrainKnownTypes.Create(compilation) is not { } known)
            {
                return ImmutableArray<GrainParseResult>.Empty;
            }

            var serializable = SerializableKnownTypes.Create(known);
            ImmutableArray<GrainParseResult>.Builder results = ImmutableArray.CreateBuilder<GrainParseResult>();
            foreach (SyntaxTree tree in compilation.SyntaxTrees)
            {
                SemanticModel? model = null;
                foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes(static n => n is CompilationUnitSyntax or BaseNamespaceDeclarationSyntax or TypeDeclarationSyntax))
                {
                    if (node is not ClassDeclarationSyntax { AttributeLists.Count: > 0 } declaration)
                    {
                        continue;
                    }

                    cancellationToken.ThrowIfCancellationRequested();
                    model ??= compilation.GetSemanticModel(tree);
                    if (model.GetDeclaredSymbol(declaration, cancellationToken) is INamedTypeSymbol grain && HasGrainAttribute(grain, declaration, known))
                    {
                        results.Add(Parser.Parse(grain, known, serializable, inject, cancellationToken));
                    }
                }
            }

            return results.ToImmutable();
        }

        /// <summary>Whether <paramref name="declaration"/> itself (not another part of the class) applies <c>[Grain]</c>.</summary>
        private static bool HasGrainAttribute(INamedTypeSymbol grain, ClassDeclarationSyntax declaration, GrainKnownTypes known)
        {
            foreach (AttributeData attribute in grain.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, known.GrainAttribute)
                    && attribute.ApplicationSyntaxReference is { } application
                    && application.SyntaxTree == declaration.SyntaxTree)
                {
                    foreach (AttributeListSyntax list in declaration.AttributeLists)
                    {
                        if (list.Span.Contains(application.Span))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }
    }
}
