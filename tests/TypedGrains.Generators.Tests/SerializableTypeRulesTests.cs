using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>The type-support rules the analyzers share, and the generator skipping what they reject.</summary>
public sealed class SerializableTypeRulesTests
{
    private const string Preamble = """
        using System;
        using System.Collections.Generic;
        using System.IO;
        using TypedGrains;

        namespace Cases;

        """;

    [Theory]
    [InlineData("public sealed record OrderState(List<Line> Lines); public sealed record Line(Product Product); public sealed record Product(string Name, Stream Stream);", "OrderState.Lines[].Product.Stream")]
    [InlineData("public sealed record OrderState(Dictionary<object, int> Map);", "OrderState.Map{}")]
    [InlineData("public sealed record OrderState(Dictionary<string, Action> Map);", "OrderState.Map[]")]
    [InlineData("public sealed record OrderState(int[,] Grid);", "OrderState.Grid")]
    [InlineData("public sealed record OrderState(IList<int> Items);", "OrderState.Items")]
    [InlineData("public sealed record OrderState((int, int) Pair);", "OrderState.Pair")]
    [InlineData("public sealed record OrderState(Inner Inner); public abstract class Inner { }", "OrderState.Inner")]
    [InlineData("public sealed record OrderState(Inner Inner); public sealed class Inner { public Inner(int unrelated) { } }", "OrderState.Inner(constructor)")]
    [InlineData("public sealed record OrderState([property: Key(0)] int A, int B);", "OrderState.B(key)")]
    [InlineData("public sealed record OrderState([property: Key(1)] int A, [property: Key(1)] int B);", "OrderState.B(key)")]
    [InlineData("public sealed record OrderState(Uri Link);", "OrderState.Link")]
    public void FindUnsupportedNamesTheMemberPath(string types, string expectedPath)
    {
        (INamedTypeSymbol state, SerializableKnownTypes known) = Load(types);

        Assert.Equal(expectedPath, SerializableTypeRules.FindUnsupported(state, state.Name, state, known, CancellationToken.None));
    }

    [Theory]
    [InlineData("public sealed record OrderState(List<OrderState> Children, OrderState? Parent, int? N, Guid Id, decimal D, DateTime T, DateTimeOffset O, TimeSpan S, byte[] B, Caller<int> C, Kind K); public enum Kind { A }")]
    [InlineData("public sealed class OrderState { public string Name { get; set; } = \"\"; public int Field; public int Computed => 1; }")]
    [InlineData("public struct OrderState { public int X { get; init; } }")]
    [InlineData("public sealed record OrderState([property: Key(3)] int A, [property: Key(0)] string B);")]
    public void SupportedShapesHaveNoPath(string types)
    {
        (INamedTypeSymbol state, SerializableKnownTypes known) = Load(types);

        Assert.Null(SerializableTypeRules.FindUnsupported(state, state.Name, state, known, CancellationToken.None));
    }

    [Fact]
    public void MembersAreNumberedInDeclarationOrderBaseFirst()
    {
        (INamedTypeSymbol state, SerializableKnownTypes known) = Load(
            "public class Base { public int First { get; set; } } public sealed class OrderState : Base { public OrderState(string second) => Second = second; public string Second { get; } public int Third { get; init; } }");

        SerializableObjectShape shape = SerializableTypeRules.GetObjectShape(state, known);

        Assert.Equal(["First", "Second", "Third"], shape.Members.Select(m => m.Symbol.Name));
        Assert.Equal([0, 1, 2], shape.Members.Select(m => m.Key));
        Assert.Equal(
            [SerializableMemberAssignment.Setter, SerializableMemberAssignment.Constructor, SerializableMemberAssignment.Initializer],
            shape.Members.Select(m => m.Assignment));
    }

    [Fact]
    public void KeysOnPositionalParametersNumberTheMembers()
    {
        (INamedTypeSymbol state, SerializableKnownTypes known) = Load("public sealed record OrderState([Key(4)] int A, [Key(1)] string B);");

        SerializableObjectShape shape = SerializableTypeRules.GetObjectShape(state, known);

        Assert.Null(shape.Problem);
        Assert.Equal([("B", 1), ("A", 4)], shape.Members.Select(m => (m.Symbol.Name, m.Key)));
    }

    [Fact]
    public void AGrainWithAnUnsupportedTypeGetsNoFormattersOrCodecButIsStillGenerated()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Preamble + """
            [Grain] public sealed partial class Bad : Grain<BadState> { [Call] public int Get() => 0; }
            public sealed record BadState(Stream Stream);
            [Grain] public sealed partial class Good : Grain<int> { [Call] public int Get() => State; }
            """).AssertGeneratorQuiet();

        string bad = outcome.Sources.Single(s => s.HintName == "Cases.Bad.g.cs").Text;
        Assert.DoesNotContain("StateCodec", bad, System.StringComparison.Ordinal);
        Assert.Contains("StateCodec", outcome.Sources.Single(s => s.HintName == "Cases.Good.g.cs").Text, System.StringComparison.Ordinal);
        Assert.DoesNotContain(outcome.Sources, s => s.HintName.Contains("BadState", System.StringComparison.Ordinal) || s.HintName.Contains("BadGet", System.StringComparison.Ordinal));
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
    }

    [Fact]
    public void AnUnsupportedHandlerArgumentSkipsTheGrainsSerialization()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Preamble + """
            [Grain] public sealed partial class Bad : Grain<int> { [Cast] public void Put(Func<int> f) { } }
            """).AssertGeneratorQuiet();

        // No formatter files; the grain itself is still generated and registered in the catalog.
        Assert.Equal(["Cases.Bad.g.cs", "TypedGrains.GrainCatalog.g.cs"], outcome.Sources.Select(s => s.HintName));
    }

    [Fact]
    public void FormattersSharedByTwoGrainsAreEmittedOnce()
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(Preamble + """
            [Grain] public sealed partial class A : Grain<Shared> { }
            [Grain] public sealed partial class B : Grain<Shared> { }
            public sealed record Shared(List<int> Items);
            """).AssertGeneratorQuiet();

        string formatters = string.Concat(outcome.Sources.Where(s => s.HintName.StartsWith("TypedGrains.MessagePack.Formatters.", System.StringComparison.Ordinal)).Select(s => s.Text));
        Assert.Single(Regex.Matches(formatters, @"class SharedFormatter_\w+\b"));
        Assert.Single(Regex.Matches(formatters, @"class ListFormatter_\w+\b"));
        Assert.Empty(outcome.Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error
            || (d.Severity == DiagnosticSeverity.Warning && d.Location.SourceTree?.FilePath.StartsWith("Source", System.StringComparison.Ordinal) == false)));
    }

    private static (INamedTypeSymbol State, SerializableKnownTypes Known) Load(string types)
    {
        Compilation compilation = GeneratorHarness.CreateCompilation(Preamble + types);
        INamedTypeSymbol state = compilation.GetTypeByMetadataName("Cases.OrderState")!;
        GrainKnownTypes grains = GrainKnownTypes.Create(compilation)!;
        return (state, SerializableKnownTypes.Create(grains));
    }
}
