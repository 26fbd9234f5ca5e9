using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// Each invalid grain is skipped quietly: no output for it, no exception and no diagnostic from the generator,
/// while a valid grain beside it is still generated. Each case also checks that the intended rule rejected it.
/// </summary>
public sealed class InvalidGrainTests
{
    private const string Preamble = """
        using System;
        using System.Threading.Tasks;
        using TypedGrains;

        namespace Cases;

        public sealed record S(int Count = 0);

        [Grain]
        public sealed partial class Good : Grain<S>
        {
            [Call] public int Get() => State.Count;
        }

        """;

    public static TheoryData<string, string, string> Cases => new()
    {
        // Grain-level rules.
        { "NotPartial", nameof(GrainRuleViolation.NotPartial), "[Grain] public sealed class Bad : Grain<S> { }" },
        { "ContainingTypeNotPartial", nameof(GrainRuleViolation.ContainingTypeNotPartial), "public static class Outer { [Grain] public sealed partial class Bad : Grain<S> { } }" },
        { "NotDerivedFromGrain", nameof(GrainRuleViolation.NotDerivedFromGrain), "[Grain] public sealed partial class Bad { }" },
        { "GenericGrain", nameof(GrainRuleViolation.GenericGrain), "[Grain] public sealed partial class Bad<T> : Grain<S> { }" },
        { "GenericContainingType", nameof(GrainRuleViolation.GenericContainingType), "public partial class Outer<T> { [Grain] public sealed partial class Bad : Grain<S> { } }" },
        { "PrivateGrain", nameof(GrainRuleViolation.InaccessibleGrain), "public partial class Outer { [Grain] private sealed partial class Bad : Grain<S> { } }" },
        { "ProtectedGrain", nameof(GrainRuleViolation.InaccessibleGrain), "public partial class Outer { [Grain] protected sealed partial class Bad : Grain<S> { } }" },
        { "FileGrain", nameof(GrainRuleViolation.InaccessibleGrain), "[Grain] file sealed partial class Bad : Grain<S> { }" },
        { "PrivateContainingType", nameof(GrainRuleViolation.InaccessibleContainingType), "public partial class Outer { private partial class Middle { [Grain] internal sealed partial class Bad : Grain<S> { } } }" },
        { "AbstractGrain", nameof(GrainRuleViolation.AbstractGrain), "[Grain] public abstract partial class Bad : Grain<S> { }" },
        { "NoParameterlessConstructor", nameof(GrainRuleViolation.NoParameterlessConstructor), "[Grain] public sealed partial class Bad : Grain<S> { public Bad(int seed) { } public Bad(string name) { } }" },
        { "ReservedMemberName", nameof(GrainRuleViolation.ReservedMemberName), "[Grain] public sealed partial class Bad : Grain<S> { public int Requests => 0; }" },
        { "DuplicateGrainAttribute", nameof(GrainRuleViolation.DuplicateGrainAttribute), "[Grain] public sealed partial class Bad : Grain<S> { } [Grain] public sealed partial class Bad { }" },
        { "EmptyName", nameof(GrainRuleViolation.InvalidGrainAttribute), "[Grain(Name = \"\")] public sealed partial class Bad : Grain<S> { }" },
        { "UndefinedKeyKind", nameof(GrainRuleViolation.InvalidGrainAttribute), "[Grain(Key = (GrainKeyKind)7)] public sealed partial class Bad : Grain<S> { }" },

        // Handler rules.
        { "StaticHandler", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public static int Get() => 0;") },
        { "GenericHandler", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public T Echo<T>(T value) => value;") },
        { "PrivateHandler", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] private int Get() => 0;") },
        { "ProtectedHandler", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] protected int Get() => 0;") },
        { "RefParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Get(ref int value) => value;") },
        { "OutParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public void Get(out int value) => value = 0;") },
        { "InParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Get(in int value) => value;") },
        { "ParamsParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Sum(params int[] values) => values.Length;") },
        { "PointerParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public unsafe int Get(int* value) => *value;") },
        { "RefStructParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Get(ReadOnlySpan<int> values) => values.Length;") },
        { "ByRefReturn", nameof(GrainRuleViolation.InvalidHandler), Bad("private int _value; [Call] public ref int Get() => ref _value;") },
        { "PointerReturn", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public unsafe int* Get() => null;") },
        { "MultipleCallers", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public void Wait(Caller<int> first, Caller<int> second) { }") },
        { "CallerOnCast", nameof(GrainRuleViolation.InvalidHandler), Bad("[Cast] public void Wait(Caller<int> caller) { }") },
        { "CastReturningValue", nameof(GrainRuleViolation.InvalidHandler), Bad("[Cast] public int Increment() => 1;") },
        { "CastReturningTaskOfT", nameof(GrainRuleViolation.InvalidHandler), Bad("[Cast] public Task<int> IncrementAsync() => Task.FromResult(1);") },
        { "DeferredReturningValue", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Wait(Caller<int> caller) => 1;") },
        { "CallAndCast", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call, Cast] public void Touch() { }") },
        { "AccessorHandler", nameof(GrainRuleViolation.InvalidHandler), Bad("public int Value { [Call] get => 0; }") },
        { "ReservedHandlerName", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Id() => 0;") },
        { "CancellationTokenParameter", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Get(System.Threading.CancellationToken token) => 0;") },
        { "ReservedParameterName", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public int Get(int MethodId) => MethodId;") },
        { "DynamicReply", nameof(GrainRuleViolation.InvalidHandler), Bad("[Call] public dynamic Get() => 0;") },
        { "DuplicateHandlerName", nameof(GrainRuleViolation.DuplicateHandlerName), Bad("[Call] public int Get() => 0; [Call] public int Get(int x) => x;") },
        { "MethodIdCollision", nameof(GrainRuleViolation.MethodIdCollision), Bad("[Cast] public void Handler317268() { } [Cast] public void Handler1120506() { }") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void InvalidGrainIsSkippedQuietly(string caseName, string expectedViolation, string badSource)
    {
        Assert.False(string.IsNullOrEmpty(caseName));
        GeneratorOutcome outcome = GeneratorHarness.Run(Preamble + badSource).AssertGeneratorQuiet();

        Assert.Equal(["Cases.Good.g.cs"], outcome.GrainSources.Select(s => s.HintName));

        INamedTypeSymbol bad = outcome.Input.GetTypeByMetadataName("Cases.Bad")
            ?? outcome.Input.GetTypeByMetadataName("Cases.Bad`1")
            ?? outcome.Input.GetTypeByMetadataName("Cases.Outer+Bad")
            ?? outcome.Input.GetTypeByMetadataName("Cases.Outer`1+Bad")
            ?? outcome.Input.GetTypeByMetadataName("Cases.Outer+Middle+Bad")
            ?? outcome.Input.GetSymbolsWithName("Bad", SymbolFilter.Type).OfType<INamedTypeSymbol>().Single();
        GrainKnownTypes known = GrainKnownTypes.Create(outcome.Input)!;
        GrainRuleViolation violation = GrainRules.Validate(bad, known, outcome.Input, CancellationToken.None);
        Assert.Equal(expectedViolation, violation.ToString());
    }

    [Fact]
    public void MethodIdCollisionCaseReallyCollides()
    {
        Assert.Equal(Helpers.Fnv1a.Hash32("Handler317268()"), Helpers.Fnv1a.Hash32("Handler1120506()"));
    }

    [Fact]
    public void GrainWithoutAbstractionsReferenceIsSkipped()
    {
        // The attribute exists (declared in source) but the rest of the abstractions are not referenced.
        CSharpCompilation compilation = CSharpCompilation.Create(
            "NoAbstractions",
            [CSharpSyntaxTree.ParseText("""
                namespace TypedGrains
                {
                    public sealed class GrainAttribute : System.Attribute { }
                }

                namespace Cases
                {
                    [TypedGrains.Grain] public sealed partial class Lonely { }
                }
                """, GeneratorHarness.ParseOptions)],
            GeneratorHarness.References.Where(r => r.Display?.Contains("TypedGrains.Abstractions", System.StringComparison.Ordinal) != true),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        GeneratorDriver driver = GeneratorHarness.CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out _, out ImmutableArray<Diagnostic> diagnostics);
        GeneratorRunResult result = driver.GetRunResult().Results.Single();

        Assert.Empty(diagnostics);
        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
    }

    private static string Bad(string members) =>
        "[Grain] public sealed partial class Bad : Grain<S> { " + members + " }";
}
