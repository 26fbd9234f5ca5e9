using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>
/// The TG0018 fix gives the member an immutable collection type, shortened where System.Collections.Immutable is
/// imported and written in full elsewhere, and the result builds clean.
/// </summary>
public sealed class ImmutableCollectionCodeFixTests
{
    private const string Id = "TG0018";
    private const string Key = ImmutableCollectionCodeFix.EquivalenceKey;

    /// <summary><see cref="CodeFixAssert.Usings"/> with System.Collections.Immutable imported.</summary>
    private const string ImmutableUsings = "using System.Collections.Immutable;\n" + CodeFixAssert.Usings;

    private const string StateUsings = "namespace Cases;\n\n";

    [Theory]
    [InlineData(
        "public sealed record Basket(System.Collections.Generic.List<string> Items);",
        "public sealed record Basket(ImmutableList<string> Items);")]
    [InlineData(
        "public sealed record Basket(/* kept */ System.Collections.Generic.IList<string>? Items = null);",
        "public sealed record Basket(/* kept */ ImmutableList<string>? Items = null);")]
    [InlineData(
        "public sealed record Basket\n{\n    /// <summary>The items.</summary>\n    public int[] Items { get; init; } = [1, 2];\n}",
        "public sealed record Basket\n{\n    /// <summary>The items.</summary>\n    public ImmutableArray<int> Items { get; init; } = [1, 2];\n}")]
    [InlineData(
        "public sealed record Basket\n{\n    public System.Collections.ObjectModel.Collection<string> Items { get; init; } = new();\n}",
        "public sealed record Basket\n{\n    public ImmutableList<string> Items { get; init; } = ImmutableList<string>.Empty;\n}")]
    [InlineData(
        "public sealed class Basket\n{\n    public readonly System.Collections.Generic.Dictionary<string, int> Items = new System.Collections.Generic.Dictionary<string, int>(); // counts\n}",
        "public sealed class Basket\n{\n    public readonly ImmutableDictionary<string, int> Items = ImmutableDictionary<string, int>.Empty; // counts\n}")]
    [InlineData(
        "public sealed class Basket\n{\n    public readonly System.Collections.Generic.IDictionary<string, int> Items = new System.Collections.Generic.Dictionary<string, int>();\n}",
        "public sealed class Basket\n{\n    public readonly ImmutableDictionary<string, int> Items = ImmutableDictionary<string, int>.Empty;\n}")]
    [InlineData(
        "public sealed record Basket\n{\n    public long[] Items { get; init; } = System.Array.Empty<long>();\n}",
        "public sealed record Basket\n{\n    public ImmutableArray<long> Items { get; init; } = ImmutableArray<long>.Empty;\n}")]
    public async Task MemberGetsTheImmutableCollection(string state, string expected)
    {
        const string Grain = "\n\n[Grain]\npublic sealed partial class Cart : Grain<Basket>\n{\n    [Call] public int Get() => 0;\n}\n";

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(new ImmutableCollectionCodeFix(), Id, Key, ImmutableUsings + state + Grain);

        Assert.Equal(ImmutableUsings + expected + Grain, fixedTexts.Single());
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task NestedStateInAnotherDocumentIsFixedThere()
    {
        string states = StateUsings + "public sealed record Inner(int[] Values);\n\npublic sealed record Order(Inner Line);\n";
        string grain = CodeFixAssert.Usings + "[Grain] public sealed partial class Shop : Grain<Order> { [Call] public int Get() => State.Line.Values.Length; }\n";

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(new ImmutableCollectionCodeFix(), Id, Key, grain, states);

        Assert.Equal(grain, fixedTexts[0]);
        Assert.Equal(StateUsings + "public sealed record Inner(System.Collections.Immutable.ImmutableArray<int> Values);\n\npublic sealed record Order(Inner Line);\n", fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllChangesEveryMemberAcrossDocuments()
    {
        string states = StateUsings
            + "using System.Collections.Generic;\nusing System.Collections.Immutable;\n\n"
            + "public sealed record Inner(int[] Values, List<string> Names);\n\n"
            + "public sealed record Order(Inner Line, Dictionary<string, int> Counts);\n\n"
            + "public sealed record Tally(List<int> Seen);\n";
        string others = StateUsings + "public sealed record Log(long[] Entries, System.Collections.Generic.List<string> Lines, System.Collections.Generic.IDictionary<int, string> Notes);\n";
        string grains = CodeFixAssert.Usings
            + "[Grain] public sealed partial class Shop : Grain<Order> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed partial class Audit : Grain<Order> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed partial class Journal : Grain<Log> { [Call] public int Get() => 0; }\n";
        string more = "using TypedGrains;\n\nnamespace Cases;\n\n[Grain] internal sealed partial class Counter : Grain<Tally> { [Call] public int Get() => State.Seen.Count; }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new ImmutableCollectionCodeFix(), Id, Key, grains, states, more, others);

        Assert.Equal(grains, fixedTexts[0]);
        Assert.Equal(
            StateUsings
            + "using System.Collections.Generic;\nusing System.Collections.Immutable;\n\n"
            + "public sealed record Inner(ImmutableArray<int> Values, ImmutableList<string> Names);\n\n"
            + "public sealed record Order(Inner Line, ImmutableDictionary<string, int> Counts);\n\n"
            + "public sealed record Tally(ImmutableList<int> Seen);\n",
            fixedTexts[1]);
        Assert.Equal(more, fixedTexts[2]);
        Assert.Equal(
            StateUsings + "public sealed record Log(System.Collections.Immutable.ImmutableArray<long> Entries, System.Collections.Immutable.ImmutableList<string> Lines, "
            + "System.Collections.Immutable.ImmutableDictionary<int, string> Notes);\n",
            fixedTexts[3]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Theory]
    [InlineData("public sealed record X(System.Collections.Generic.HashSet<int> Seen);")]
    [InlineData("public sealed record X(System.Collections.Generic.Queue<int> Pending);")]
    [InlineData("public sealed record X(byte[] Body);")]
    [InlineData("public sealed record X(int[,] Grid);")]
    [InlineData("public sealed record X(System.Collections.Immutable.ImmutableList<System.Collections.Generic.List<int>> Rows);")]
    [InlineData("public sealed record X { public System.Collections.Generic.List<int> Items { get; init; } = new() { 1 }; }")]
    [InlineData("public sealed record X { public System.Collections.Generic.List<int> Items { get; init; } = Make(); private static System.Collections.Generic.List<int> Make() => new(); }")]
    [InlineData("public sealed record X { public System.Collections.Generic.IList<int> Items { get; init; } = new System.Collections.Generic.List<int>(capacity: 4); }")]
    [InlineData("public sealed record X(Box<System.Collections.Generic.List<int>> Box); public sealed record Box<T>(T Value);")]
    [InlineData("public sealed class X { public readonly System.Collections.Generic.List<int> A = new(), B = new(); }")]
    public async Task NotOfferedWhereTheFixCannotWork(string state)
    {
        await CodeFixAssert.NotOfferedAsync(
            new ImmutableCollectionCodeFix(), Id, state + "\n[Grain] public sealed partial class G : Grain<X> { [Call] public int Get() => 0; }\n");
    }

    [Fact]
    public void FixSharesTheAnalyzerIdAndItsKeyIsStable()
    {
        Assert.Equal([Id], new ImmutableCollectionCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal("TypedGrains.UseImmutableCollection", ImmutableCollectionCodeFix.EquivalenceKey);
        Assert.Same(Microsoft.CodeAnalysis.CodeFixes.WellKnownFixAllProviders.BatchFixer, new ImmutableCollectionCodeFix().GetFixAllProvider());
    }
}
