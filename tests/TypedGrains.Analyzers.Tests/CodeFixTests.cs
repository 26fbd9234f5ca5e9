using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>Each code fix turns the before text into the after text, and the fixed code compiles without TG diagnostics.</summary>
public sealed class CodeFixTests
{
    private const string Usings = CodeFixAssert.Usings;

    [Fact]
    public async Task AddPartialToGrain()
    {
        await CodeFixAssert.FixesAsync(
            new AddPartialCodeFix(), "TG0001", AddPartialCodeFix.EquivalenceKey,
            "[Grain]\npublic sealed class Counter : Grain<S>\n{\n    [Call] public int Get() => State.Count;\n}\n",
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Call] public int Get() => State.Count;\n}\n");
    }

    [Fact]
    public async Task AddPartialToGrainWithoutModifiers()
    {
        await CodeFixAssert.FixesAsync(
            new AddPartialCodeFix(), "TG0001", AddPartialCodeFix.EquivalenceKey,
            "[Grain]\nclass Counter : Grain<S>\n{\n    [Call] public int Get() => State.Count;\n}\n",
            "[Grain]\npartial class Counter : Grain<S>\n{\n    [Call] public int Get() => State.Count;\n}\n");
    }

    [Fact]
    public async Task AddPartialToContainingType()
    {
        await CodeFixAssert.FixesAsync(
            new AddPartialCodeFix(), "TG0002", AddPartialCodeFix.EquivalenceKey,
            "public static class Outer\n{\n    [Grain] public sealed partial class Counter : Grain<S> { [Call] public int Get() => State.Count; }\n}\n",
            "public static partial class Outer\n{\n    [Grain] public sealed partial class Counter : Grain<S> { [Call] public int Get() => State.Count; }\n}\n");
    }

    [Fact]
    public async Task CastReturningValueBecomesCall()
    {
        await CodeFixAssert.FixesAsync(
            new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.MakeCallKey,
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast]\n    public int Increment() => State.Count + 1;\n}\n",
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Call]\n    public int Increment() => State.Count + 1;\n}\n");
    }

    [Fact]
    public async Task CastReturningValueReturnsVoid()
    {
        await CodeFixAssert.FixesAsync(
            new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.ReturnVoidKey,
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast]\n    public int Increment()\n    {\n        State = State with { Count = State.Count + 1 };\n        return State.Count;\n    }\n}\n",
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast]\n    public void Increment()\n    {\n        State = State with { Count = State.Count + 1 };\n        _ = State.Count;\n    }\n}\n");
    }

    [Fact]
    public async Task CastReturningValueFromExpressionBodyReturnsVoid()
    {
        await CodeFixAssert.FixesAsync(
            new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.ReturnVoidKey,
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast] public int Touch() => State.Count;\n}\n",
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast] public void Touch() => _ = State.Count;\n}\n");
    }

    [Fact]
    public async Task AsyncCastReturningTaskOfTReturnsTask()
    {
        await CodeFixAssert.FixesAsync(
            new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.ReturnVoidKey,
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast]\n    public async Task<int> Touch()\n    {\n        await Task.Yield();\n        if (State.Count > 3)\n            return 1;\n        return 2;\n    }\n}\n",
            "[Grain]\npublic sealed partial class Counter : Grain<S>\n{\n    [Cast]\n    public async Task Touch()\n    {\n        await Task.Yield();\n        if (State.Count > 3)\n        {\n            _ = 1;\n            return;\n        }\n        _ = 2;\n    }\n}\n");
    }

    [Fact]
    public async Task MutableStateBecomesRecord()
    {
        await CodeFixAssert.FixesAsync(
            new MutableStateCodeFix(), "TG0012", MutableStateCodeFix.EquivalenceKey,
            "public sealed class Tally\n{\n    public int Count { get; set; }\n    private int _seen;\n    public int Seen => _seen;\n}\n\n[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n    [Cast] public void Increment() => State = State with { Count = State.Count + 1 };\n}\n",
            "public sealed record Tally\n{\n    public int Count { get; init; }\n    private readonly int _seen;\n    public int Seen => _seen;\n}\n\n[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n    [Cast] public void Increment() => State = State with { Count = State.Count + 1 };\n}\n",
            allowCompilerErrorsBefore: true);
    }

    [Fact]
    public async Task MutableStateInAnotherFileBecomesRecord()
    {
        const string StateUsings = "namespace Cases;\n\n";
        string state = StateUsings + "public class Tally\n{\n    public int Count { get; set; }\n}\n";
        string grain = Usings + "[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n}\n";

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(new MutableStateCodeFix(), "TG0012", MutableStateCodeFix.EquivalenceKey, grain, state);

        Assert.Equal(grain, fixedTexts[0]);
        Assert.Equal(StateUsings + "public record Tally\n{\n    public int Count { get; init; }\n}\n", fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllAddsPartialEverywhere()
    {
        string source = Usings
            + "[Grain] public sealed class A : Grain<S> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed class B : Grain<S> { [Call] public int Get() => 0; }\n"
            + "public static class Outer { [Grain] public sealed partial class C : Grain<S> { [Call] public int Get() => 0; } }\n";
        string other = Usings + "[Grain] internal class D : Grain<S> { [Cast] public void Poke() { } }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new AddPartialCodeFix(), "TG0001", AddPartialCodeFix.EquivalenceKey, source, other);

        Assert.Equal(
            Usings
            + "[Grain] public sealed partial class A : Grain<S> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed partial class B : Grain<S> { [Call] public int Get() => 0; }\n"
            + "public static class Outer { [Grain] public sealed partial class C : Grain<S> { [Call] public int Get() => 0; } }\n",
            fixedTexts[0]);
        Assert.Equal(Usings + "[Grain] internal partial class D : Grain<S> { [Cast] public void Poke() { } }\n", fixedTexts[1]);
    }

    [Fact]
    public async Task FixAllTurnsCastsIntoCalls()
    {
        string source = Usings
            + "[Grain] public sealed partial class A : Grain<S> { [Cast] public int One() => 1; [Cast] public int Two() => 2; [Cast] public void Three() { } }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.MakeCallKey, source);

        Assert.Equal(
            Usings + "[Grain] public sealed partial class A : Grain<S> { [Call] public int One() => 1; [Call] public int Two() => 2; [Cast] public void Three() { } }\n",
            fixedTexts[0]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public void CodeFixesShareTheAnalyzerIdsAndKeysAreStable()
    {
        Assert.Equal(["TG0001", "TG0002"], new AddPartialCodeFix().FixableDiagnosticIds.Order().ToArray());
        Assert.Equal(["TG0006"], new CastReturnsValueCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0012"], new MutableStateCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0004"], new HandlerOutsideGrainCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0007"], new ByRefParameterCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0013"], new BlockingWaitCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal("TypedGrains.AddPartial", AddPartialCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.RemoveHandlerAttribute", HandlerOutsideGrainCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.PassByValue", ByRefParameterCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.AwaitBlockingWait", BlockingWaitCodeFix.EquivalenceKey);
        Assert.Same(Microsoft.CodeAnalysis.CodeFixes.WellKnownFixAllProviders.BatchFixer, new MutableStateCodeFix().GetFixAllProvider());
    }
}
