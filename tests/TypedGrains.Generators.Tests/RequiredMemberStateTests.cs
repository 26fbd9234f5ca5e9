using System;
using System.Linq;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// A state with required members gets no generated <c>InitialState</c> unless its constructor sets them
/// (<c>[SetsRequiredMembers]</c>): <c>new State()</c> would not compile. Required members declared in a base class,
/// in another part of a partial class, or in a referenced type count too.
/// </summary>
public sealed class RequiredMemberStateTests
{
    [Theory]
    [InlineData("public class Base { public required string Name { get; init; } } public sealed class S : Base { }", false)]
    [InlineData("public partial class S { } public partial class S { public required int Count; }", false)]
    [InlineData("public class S : System.Collections.Generic.List<int> { public required int Count { get; init; } }", false)]
    [InlineData("public class S { [System.Diagnostics.CodeAnalysis.SetsRequiredMembers] public S() { Name = \"\"; } public required string Name { get; init; } }", true)]
    [InlineData("public sealed class S : System.Collections.Generic.List<int> { public string Name { get; init; } = \"\"; }", true)]
    [InlineData("public sealed record S(int Count = 0) { public string Name { get; init; } = \"\"; }", true)]
    public void InitialStateIsGeneratedOnlyWhenTheConstructorSetsEveryRequiredMember(string state, bool generated)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run($$"""
            using TypedGrains;
            namespace Cases;
            {{state}}
            [Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; }
            """);

        string grain = outcome.Sources.Single(s => s.HintName == "Cases.G.g.cs").Text;
        Assert.Equal(generated, grain.Contains("InitialState =>", StringComparison.Ordinal));
    }
}
