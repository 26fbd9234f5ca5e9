using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using TypedGrains.Generators;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>Each code fix turns the before text into the after text, and the fixed code compiles without TG diagnostics.</summary>
public sealed class CodeFixTests
{
    private const string Usings = CodeFixAssert.Usings;

    /// <summary>The start of a second document: the usings without another declaration of <c>S</c>.</summary>
    private const string OtherUsings = "using System.Threading.Tasks;\nusing TypedGrains;\n\nnamespace Cases;\n\n";

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
    public async Task MutableStateFieldsTheSerializerWritesBecomeInitProperties()
    {
        // A readonly field would drop out of the serialized layout (shifting every later member) and out of reach of 'with'.
        await CodeFixAssert.FixesAsync(
            new MutableStateCodeFix(), "TG0012", MutableStateCodeFix.EquivalenceKey,
            "public sealed class Tally\n{\n    /// <summary>The count.</summary>\n    public int Count;\n    internal string? Name = \"\", Note;\n"
            + "    [System.Runtime.Serialization.IgnoreDataMember] public int Cache;\n    private volatile int _seen;\n    public int Seen => _seen;\n}\n\n"
            + "[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n"
            + "    [Cast] public void Increment() => State = State with { Count = State.Count + 1, Note = \"more\" };\n}\n",
            "public sealed record Tally\n{\n    /// <summary>The count.</summary>\n    public int Count { get; init; }\n    internal string? Name { get; init; } = \"\";\n    internal string? Note { get; init; }\n"
            + "    [System.Runtime.Serialization.IgnoreDataMember] public readonly int Cache;\n    private readonly int _seen;\n    public int Seen => _seen;\n}\n\n"
            + "[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n"
            + "    [Cast] public void Increment() => State = State with { Count = State.Count + 1, Note = \"more\" };\n}\n",
            allowCompilerErrorsBefore: true);
    }

    [Theory]
    [InlineData("public sealed class M { public int A { get; set; } public int B; private int _c; public string? D = null, E; [System.Runtime.Serialization.IgnoreDataMember] public int F; public int G { get; set; } }")]
    [InlineData("public sealed record M(int A) { public int B; public int C { get; set; } internal int D; }")]
    [InlineData("public class M { [Key(1)] public int A; [Key(0)] public string? B { get; set; } }")]
    [InlineData("public class M { public M() { } public M(int a) => A = a; public int A; public int B { get; set; } }")]
    public async Task MutableStateFixKeepsTheSerializedLayout(string state)
    {
        string source = Usings + state + "\n[Grain] public sealed partial class G : Grain<M> { [Call] public int Get() => 0; }\n";
        string[] before = SerializedLayout("Cases.M", source);
        Assert.NotEmpty(before);

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(new MutableStateCodeFix(), "TG0012", MutableStateCodeFix.EquivalenceKey, source);

        Assert.Equal(before, SerializedLayout("Cases.M", fixedTexts));
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllAddsPartialEverywhere()
    {
        string source = Usings
            + "[Grain] public sealed class A : Grain<S> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed class B : Grain<S> { [Call] public int Get() => 0; }\n"
            + "public static class Outer { [Grain] public sealed partial class C : Grain<S> { [Call] public int Get() => 0; } }\n";
        string other = OtherUsings + "[Grain] internal class D : Grain<S> { [Cast] public void Poke() { } }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new AddPartialCodeFix(), "TG0001", AddPartialCodeFix.EquivalenceKey, source, other);

        Assert.Equal(
            Usings
            + "[Grain] public sealed partial class A : Grain<S> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed partial class B : Grain<S> { [Call] public int Get() => 0; }\n"
            + "public static class Outer { [Grain] public sealed partial class C : Grain<S> { [Call] public int Get() => 0; } }\n",
            fixedTexts[0]);
        Assert.Equal(OtherUsings + "[Grain] internal partial class D : Grain<S> { [Cast] public void Poke() { } }\n", fixedTexts[1]);

        // Outer (TG0002) is the same fix under the other id; once it is fixed too, nothing is left.
        AnalysisOutcome afterGrains = AnalyzerHarness.Analyze(fixedTexts);
        Assert.Equal(["TG0002"], afterGrains.TypedGrains.Select(d => d.Id).ToArray());
        string[] fixedContainers = await CodeFixHarness.FixAllAsync(new AddPartialCodeFix(), "TG0002", AddPartialCodeFix.EquivalenceKey, fixedTexts);

        Assert.Equal(
            Usings
            + "[Grain] public sealed partial class A : Grain<S> { [Call] public int Get() => 0; }\n"
            + "[Grain] public sealed partial class B : Grain<S> { [Call] public int Get() => 0; }\n"
            + "public static partial class Outer { [Grain] public sealed partial class C : Grain<S> { [Call] public int Get() => 0; } }\n",
            fixedContainers[0]);
        Assert.Equal(fixedTexts[1], fixedContainers[1]);
        CodeFixAssert.BuildsClean(fixedContainers);
    }

    [Fact]
    public async Task FixAllAddsPartialToEveryContainingType()
    {
        string source = Usings
            + "public static class Outer\n{\n    public static class Inner { [Grain] public sealed partial class A : Grain<S> { [Call] public int Get() => 0; } }\n}\n";
        string other = OtherUsings
            + "internal static class Host { [Grain] internal sealed partial class B : Grain<S> { [Cast] public void Poke() { } } }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new AddPartialCodeFix(), "TG0002", AddPartialCodeFix.EquivalenceKey, source, other);

        Assert.Equal(
            Usings
            + "public static partial class Outer\n{\n    public static partial class Inner { [Grain] public sealed partial class A : Grain<S> { [Call] public int Get() => 0; } }\n}\n",
            fixedTexts[0]);
        Assert.Equal(
            OtherUsings
            + "internal static partial class Host { [Grain] internal sealed partial class B : Grain<S> { [Cast] public void Poke() { } } }\n",
            fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
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
    public async Task FixAllMakesCallsOfCastsInEveryDocument()
    {
        string source = Usings
            + "[Grain]\npublic sealed partial class A : Grain<S>\n{\n    [Cast]\n    public int One() => 1;\n\n    [TypedGrains.Cast] public Task<int> Two() => Task.FromResult(2);\n}\n";
        string other = OtherUsings
            + "[Grain] internal sealed partial class B : Grain<S> { [CastAttribute] public async ValueTask<int> Three() { await Task.Yield(); return 3; } }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.MakeCallKey, source, other);

        Assert.Equal(
            Usings
            + "[Grain]\npublic sealed partial class A : Grain<S>\n{\n    [Call]\n    public int One() => 1;\n\n    [TypedGrains.Call] public Task<int> Two() => Task.FromResult(2);\n}\n",
            fixedTexts[0]);
        Assert.Equal(
            OtherUsings
            + "[Grain] internal sealed partial class B : Grain<S> { [CallAttribute] public async ValueTask<int> Three() { await Task.Yield(); return 3; } }\n",
            fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllReturnsNoValueFromEveryCast()
    {
        string source = Usings
            + "[Grain]\npublic sealed partial class A : Grain<S>\n{\n"
            + "    [Cast] public int Touch() => State.Count;\n\n"
            + "    [Cast]\n    public int Increment()\n    {\n        State = State with { Count = State.Count + 1 };\n        return State.Count;\n    }\n\n"
            + "    [Cast] public Task<int> Later() => Task.FromResult(State.Count);\n\n"
            + "    [Call] public int Get() => State.Count;\n"
            + "}\n";
        string other = OtherUsings
            + "[Grain]\ninternal sealed partial class B : Grain<S>\n{\n"
            + "    [Cast]\n    public async ValueTask<int> Reset()\n    {\n        await Task.Yield();\n        State = new S();\n        return 0;\n    }\n"
            + "}\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new CastReturnsValueCodeFix(), "TG0006", CastReturnsValueCodeFix.ReturnVoidKey, source, other);

        Assert.Equal(
            Usings
            + "[Grain]\npublic sealed partial class A : Grain<S>\n{\n"
            + "    [Cast] public void Touch() => _ = State.Count;\n\n"
            + "    [Cast]\n    public void Increment()\n    {\n        State = State with { Count = State.Count + 1 };\n        _ = State.Count;\n    }\n\n"
            + "    [Cast] public Task Later() => Task.FromResult(State.Count);\n\n"
            + "    [Call] public int Get() => State.Count;\n"
            + "}\n",
            fixedTexts[0]);
        Assert.Equal(
            OtherUsings
            + "[Grain]\ninternal sealed partial class B : Grain<S>\n{\n"
            + "    [Cast]\n    public async ValueTask Reset()\n    {\n        await Task.Yield();\n        State = new S();\n        _ = 0;\n    }\n"
            + "}\n",
            fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllMakesEveryMutableStateARecord()
    {
        string source = Usings
            + "public sealed class Tally\n{\n    public int Count { get; set; }\n    private int _seen;\n    public int Seen => _seen;\n}\n\n"
            + "public class Score\n{\n    public string Name { get; set; } = \"\";\n    public int Points { get; private set; }\n    public const int Max = 10;\n    public static int Created;\n}\n\n"
            + "[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n    [Cast] public void Increment() => State = new Tally { Count = State.Count + 1 };\n}\n\n"
            + "[Grain]\npublic sealed partial class Board : Grain<Score>\n{\n    [Call] public string Leader() => State.Name;\n}\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new MutableStateCodeFix(), "TG0012", MutableStateCodeFix.EquivalenceKey, source);

        Assert.Equal(
            Usings
            + "public sealed record Tally\n{\n    public int Count { get; init; }\n    private readonly int _seen;\n    public int Seen => _seen;\n}\n\n"
            + "public record Score\n{\n    public string Name { get; init; } = \"\";\n    public int Points { get; private init; }\n    public const int Max = 10;\n    public static int Created;\n}\n\n"
            + "[Grain]\npublic sealed partial class Counter : Grain<Tally>\n{\n    [Call] public int Get() => State.Count;\n    [Cast] public void Increment() => State = new Tally { Count = State.Count + 1 };\n}\n\n"
            + "[Grain]\npublic sealed partial class Board : Grain<Score>\n{\n    [Call] public string Leader() => State.Name;\n}\n",
            fixedTexts[0]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllConvertsStatesDeclaredInOtherDocumentsOnce()
    {
        // Two grains share Tally: both diagnostics offer the same edit of the states' document, which is made once.
        const string StateUsings = "namespace Cases;\n\n";
        string states = StateUsings
            + "public class Tally\n{\n    public int Count { get; set; }\n}\n\n"
            + "public sealed class Flags\n{\n    public bool On;\n    public bool Off { get; set; }\n}\n";
        string grains = Usings
            + "[Grain] public sealed partial class Counter : Grain<Tally> { [Call] public int Get() => State.Count; }\n"
            + "[Grain] public sealed partial class Gauge : Grain<Tally> { [Call] public int Read() => State.Count; }\n";
        string more = OtherUsings
            + "[Grain] internal sealed partial class Switch : Grain<Flags> { [Call] public bool IsOn() => State.On; }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new MutableStateCodeFix(), "TG0012", MutableStateCodeFix.EquivalenceKey, grains, states, more);

        Assert.Equal(grains, fixedTexts[0]);
        Assert.Equal(
            StateUsings
            + "public record Tally\n{\n    public int Count { get; init; }\n}\n\n"
            + "public sealed record Flags\n{\n    public bool On { get; init; }\n    public bool Off { get; init; }\n}\n",
            fixedTexts[1]);
        Assert.Equal(more, fixedTexts[2]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    /// <summary>The serialized members of <paramref name="typeName"/> as <c>key:name</c>, by the generator's own rules.</summary>
    private static string[] SerializedLayout(string typeName, params string[] sources)
    {
        CSharpCompilation compilation = AnalyzerHarness.CreateCompilation(sources);
        SerializableKnownTypes known = SerializableKnownTypes.Create(GrainKnownTypes.Create(compilation)!);
        SerializableObjectShape shape = SerializableTypeRules.GetObjectShape(compilation.GetTypeByMetadataName(typeName)!, known);
        Assert.Null(shape.Problem);
        return shape.Members.Select(m => m.Key + ":" + m.Symbol.Name).ToArray();
    }

    [Fact]
    public void CodeFixesShareTheAnalyzerIdsAndKeysAreStable()
    {
        Assert.Equal(["TG0001", "TG0002"], new AddPartialCodeFix().FixableDiagnosticIds.Order().ToArray());
        Assert.Equal(["TG0006"], new CastReturnsValueCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0012"], new MutableStateCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0004", "TG0019"], new HandlerOutsideGrainCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0020"], new PeriodFloorCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0007"], new ByRefParameterCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal(["TG0013"], new BlockingWaitCodeFix().FixableDiagnosticIds.ToArray());
        Assert.Equal("TypedGrains.AddPartial", AddPartialCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.RemoveHandlerAttribute", HandlerOutsideGrainCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.PassByValue", ByRefParameterCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.AwaitBlockingWait", BlockingWaitCodeFix.EquivalenceKey);
        Assert.Equal("TypedGrains.PeriodToFloor", PeriodFloorCodeFix.EquivalenceKey);
        Assert.Same(Microsoft.CodeAnalysis.CodeFixes.WellKnownFixAllProviders.BatchFixer, new MutableStateCodeFix().GetFixAllProvider());
    }
}
