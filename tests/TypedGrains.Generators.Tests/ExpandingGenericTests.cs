using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// A state type whose generic members construct an ever larger type at each level (<c>N&lt;T&gt;</c> holding an
/// <c>N&lt;N&lt;T&gt;&gt;</c>) is finite as C# but infinite as a type graph: the serializable-type walk stops on it,
/// the grain is generated without serializers, and nothing recurses without end.
/// </summary>
public sealed class ExpandingGenericTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    public static TheoryData<string> ExpandingStates => new()
    {
        // Directly: each level wraps the type argument once more.
        "public sealed class N<T> { public N<N<T>>? Deeper { get; set; } } public sealed record S(N<int> Root);",
        // Through a second type and a collection.
        "public sealed class A<T> { public B<T>? Next { get; set; } } public sealed class B<T> { public System.Collections.Generic.List<A<T[]>>? Items { get; set; } } public sealed record S(A<string> Root);",
        // The state itself expands.
        "public sealed record S<T>(T Value, S<S<T>>? Deeper);",
    };

    [Theory]
    [MemberData(nameof(ExpandingStates))]
    public void TheGeneratorStopsOnAnExpandingGenericAndEmitsNoSerializers(string types)
    {
        string state = types.StartsWith("public sealed record S<T>", StringComparison.Ordinal) ? "S<int>" : "S";
        string source = "using TypedGrains; namespace Cases; " + types
            + " [Grain] public sealed partial class Deep : Grain<" + state + "?> { [Call] public int Get() => 0; }";

        GeneratorOutcome outcome = BoundedRun.Run(Deadline, token =>
        {
            var input = GeneratorHarness.CreateCompilation(source);
            GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(input, out Compilation output, out ImmutableArray<Diagnostic> diagnostics, token);
            return new GeneratorOutcome(input, output, diagnostics, driver.GetRunResult());
        });

        Assert.Null(outcome.Result.Exception);
        string grain = Assert.Single(outcome.GrainSources).Text;
        Assert.DoesNotContain("StateCodec", grain, StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.StartsWith("TypedGrains.MessagePack.", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(ExpandingStates))]
    public void TheRulesNameTheExpandingType(string types)
    {
        (INamedTypeSymbol state, SerializableKnownTypes known) = BoundedRun.Run(Deadline, _ => Load(types));

        SerializationProblem problem = BoundedRun.Run(Deadline, token =>
            Assert.Single(SerializableTypeRules.FindProblems(state, state.Name, state, known, token)));

        Assert.Equal(SerializationProblemKind.ExpandingGeneric, problem.Kind);
    }

    private static (INamedTypeSymbol State, SerializableKnownTypes Known) Load(string types)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation("using TypedGrains; namespace Cases; " + types);
        INamedTypeSymbol state = compilation.GetTypeByMetadataName("Cases.S")
            ?? compilation.GetTypeByMetadataName("Cases.S`1")!.Construct(compilation.GetSpecialType(SpecialType.System_Int32));
        return (state, SerializableKnownTypes.Create(GrainKnownTypes.Create(compilation)!));
    }
}
