using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Analyzers.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>
/// The TG0018 walk on its own, without the generator: types whose member graph never ends (generics that expand at
/// every level, cycles) are walked to an end, and each declared collection is reported once.
/// </summary>
public sealed class MutableCollectionFinderTests
{
    private const string Usings = "using System.Collections.Generic;\nusing System.Collections.Immutable;\n\nnamespace Cases;\n\n";

    [Theory]
    [InlineData("public sealed record E<T>(T Value, E<List<T>>? Next);", "E<int>", new[] { "E<int>.Next.Value" })]
    [InlineData("public sealed record E<T>(T Value, E<E<T>>? Next, E<ImmutableList<T>>? Other);", "E<int>", new string[0])]
    [InlineData("public sealed record E<T>(ImmutableList<List<T>> Items, E<E<T>>? Next);", "E<int>", new[] { "E<int>.Items[]" })]
    [InlineData("public sealed record A(B? B, int[] Values); public sealed record B(A? A, List<int> L, A? Again);", "A", new[] { "A.B.L", "A.Values" })]
    public void WalkEndsAndReportsEachDeclarationOnce(string source, string stateName, string[] expectedPaths)
    {
        CSharpCompilation compilation = AnalyzerHarness.CreateCompilation(Usings + source + "\npublic sealed record Holder(" + stateName + " State);\n");
        ITypeSymbol state = ((INamedTypeSymbol)compilation.GetTypeByMetadataName("Cases.Holder")!).GetMembers("State").OfType<IPropertySymbol>().Single().Type;

        var findings = MutableCollectionFinder.Find(state, stateName, MutableCollectionTypes.Create(compilation), CancellationToken.None);

        Assert.Equal(expectedPaths.Order(), findings.Select(f => f.Path).Order());
    }
}
