using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>The generator never throws, even on code being typed, and lets cancellation through.</summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> BrokenSources => new()
    {
        // Half-typed handler.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get( }",
        // Unknown parameter and reply types.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public Missing Get(Unknown value) => default!; }",
        // Unknown state type.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<Nowhere> { }",
        // Unknown base class.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Nothing { }",
        // Attribute with a wrong argument type.
        "using TypedGrains; namespace Cases; [Grain(Key = \"long\")] public sealed partial class G : Grain<int> { }",
        // Attribute on a class without a body.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int>",
        // Caller of an unknown type.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public void Wait(Caller<Unknown> caller) { } }",
        // Default values being typed, of the wrong type, or naming something unknown.
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(int value = ) => value; }",
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(int value = \"text\") => value; }",
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(Mode mode = Mode.Fast) => 0; }",
        "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(System.DayOfWeek day = System.DayOfWeek.Someday) => 0; }",
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void BrokenCodeNeverMakesTheGeneratorThrow(string source)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(source).AssertGeneratorQuiet();

        Assert.True(outcome.GrainSources.Length <= 1);
    }

    [Fact]
    public void CancellationIsNotSwallowed()
    {
        Compilation compilation = GeneratorHarness.CreateCompilation(GrainCases.Sources["ContractCounter"]);
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => GeneratorHarness.CreateDriver().RunGenerators(compilation, cancellation.Token));
    }
}
