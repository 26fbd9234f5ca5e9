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
    private const string Grain = "Cases.G.g.cs";
    private const string Catalog = "TypedGrains.GrainCatalog.g.cs";
    private const string GetRequest = "TypedGrains.MessagePack.Formatters.Cases.g.cs";
    private const string Registrations = "TypedGrains.MessagePack.Registrations.g.cs";

    /// <summary>A broken source and the files the generator must still produce for it (none when the rules reject the grain).</summary>
    public static TheoryData<string, string[]> BrokenSources => new()
    {
        // Half-typed handler: the parser recovers a parameterless Get, which is generated.
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get( }", [Grain, Catalog, GetRequest, Registrations] },
        // Unknown parameter and reply types: the grain is generated, its serialization skipped (TG0100 says why).
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public Missing Get(Unknown value) => default!; }", [Grain, Catalog] },
        // Unknown state type.
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<Nowhere> { }", [Grain, Catalog] },
        // Unknown base class: not a grain.
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Nothing { }", [] },
        // Attribute with a wrong argument type: rejected.
        { "using TypedGrains; namespace Cases; [Grain(Key = \"long\")] public sealed partial class G : Grain<int> { }", [] },
        // Attribute on a class without a body: a grain without handlers.
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int>", [Grain, Catalog] },
        // Caller of an unknown type.
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public void Wait(Caller<Unknown> caller) { } }", [Grain, Catalog] },
        // Default values being typed, of the wrong type, or naming something unknown.
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(int value = ) => value; }", [Grain, Catalog, GetRequest, Registrations] },
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(int value = \"text\") => value; }", [Grain, Catalog, GetRequest, Registrations] },
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(Mode mode = Mode.Fast) => 0; }", [Grain, Catalog] },
        { "using TypedGrains; namespace Cases; [Grain] public sealed partial class G : Grain<int> { [Call] public int Get(System.DayOfWeek day = System.DayOfWeek.Someday) => 0; }", [Grain, Catalog, GetRequest, "TypedGrains.MessagePack.Formatters.System.g.cs", Registrations] },
    };

    [Theory]
    [MemberData(nameof(BrokenSources))]
    public void BrokenCodeNeverMakesTheGeneratorThrow(string source, string[] expectedFiles)
    {
        GeneratorOutcome outcome = GeneratorHarness.Run(source).AssertGeneratorQuiet();

        Assert.Equal(expectedFiles, outcome.Sources.Select(s => s.HintName).ToArray());
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
