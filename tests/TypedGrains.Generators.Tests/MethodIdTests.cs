using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>Method ids are FNV-1a hashes of <c>Name(T1,...)</c> and depend on nothing else.</summary>
public sealed partial class MethodIdTests
{
    [Theory]
    [InlineData("", 0x811C9DC5u)]
    [InlineData("a", 0xE40C292Cu)]
    [InlineData("foobar", 0xBF9CF968u)]
    public void Fnv1aMatchesTheReferenceVectors(string text, uint expected)
    {
        Assert.Equal(expected, Fnv1a.Hash32(text));
    }

    [Fact]
    public void Fnv1aHashesUtf8Bytes()
    {
        // "é" is two UTF-8 bytes (0xC3 0xA9).
        uint expected = 2166136261u;
        foreach (byte b in new byte[] { 0xC3, 0xA9 })
        {
            expected = unchecked((expected ^ b) * 16777619u);
        }

        Assert.Equal(expected, Fnv1a.Hash32("é"));
    }

    [Fact]
    public void IdsHashTheNameAndFullyQualifiedParameterTypes()
    {
        Dictionary<string, uint> ids = IdsOf(GrainCases.Sources["ContractCounter"]);

        Assert.Equal(Fnv1a.Hash32("Add(int,string)"), ids["Add"]);
        Assert.Equal(Fnv1a.Hash32("Get()"), ids["Get"]);
        Assert.Equal(Fnv1a.Hash32("GetAsync()"), ids["GetAsync"]);
        Assert.Equal(Fnv1a.Hash32("Increment()"), ids["Increment"]);
        Assert.Equal(Fnv1a.Hash32("Reset()"), ids["Reset"]);
        Assert.Equal(Fnv1a.Hash32("Wait(global::TypedGrains.Caller<int>)"), ids["Wait"]);
    }

    [Fact]
    public void IdsAreStableAcrossReorderingOfHandlers()
    {
        Dictionary<string, uint> ordered = IdsOf(Grain("[Call] public int A(int x) => x;", "[Cast] public void B(string s) { }", "[Call] public void C() { }"));
        Dictionary<string, uint> reordered = IdsOf(Grain("[Call] public void C() { }", "[Call] public int A(int x) => x;", "[Cast] public void B(string s) { }"));

        Assert.Equal(ordered.OrderBy(p => p.Key, System.StringComparer.Ordinal), reordered.OrderBy(p => p.Key, System.StringComparer.Ordinal));
    }

    [Fact]
    public void HandlersWithTheSameParametersButDifferentNamesHaveDifferentIds()
    {
        Dictionary<string, uint> ids = IdsOf(Grain("[Call] public int Get(int key) => key;", "[Call] public int Fetch(int key) => key;"));

        Assert.NotEqual(ids["Get"], ids["Fetch"]);
    }

    [Fact]
    public void ParameterNamesAndNullableAnnotationsDoNotChangeTheId()
    {
        uint original = IdsOf(Grain("[Call] public int Get(string key) => 0;"))["Get"];
        uint renamed = IdsOf(Grain("[Call] public int Get(string? name) => 0;"))["Get"];

        Assert.Equal(original, renamed);
    }

    [Fact]
    public void ParameterTypesChangeTheId()
    {
        uint withInt = IdsOf(Grain("[Call] public int Get(int key) => 0;"))["Get"];
        uint withLong = IdsOf(Grain("[Call] public int Get(long key) => 0;"))["Get"];

        Assert.NotEqual(withInt, withLong);
    }

    [Fact]
    public void DispatchCasesUseTheRequestIds()
    {
        string source = GeneratorHarness.Run(GrainCases.Sources["ContractCounter"]).AssertGeneratorQuiet().GrainSources.Single().Text;
        Dictionary<string, uint> ids = IdsOf(GrainCases.Sources["ContractCounter"]);

        uint[] cases = CasePattern().Matches(source).Select(m => uint.Parse(m.Groups[1].Value, System.Globalization.NumberStyles.HexNumber)).ToArray();

        Assert.Equal(ids.Values.Order(), cases.Order());
    }

    [Fact]
    public void GeneratedReferencesInParametersAreFullyQualifiedInIds()
    {
        string source = GrainCases.Sources["GrainReferencesInMessages"];
        string linker = GeneratorHarness.Run(source).AssertGeneratorQuiet().Sources.Single(s => s.HintName == "Cases.Linker.g.cs").Text;
        Dictionary<string, uint> ids = RequestPattern().Matches(linker).ToDictionary(
            m => m.Groups[1].Value,
            m => uint.Parse(m.Groups[2].Value, System.Globalization.NumberStyles.HexNumber),
            System.StringComparer.Ordinal);

        Assert.Equal(
            Fnv1a.Hash32("Point(global::Cases.TargetRef,global::Cases.Other.RemoteRef,global::Cases.TargetRef?,"
                + "global::System.Collections.Generic.List<global::Cases.Other.RemoteRef>,global::Cases.TargetRef[],global::Cases.Holder.InnerRef)"),
            ids["Point"]);
        Assert.Equal(Fnv1a.Hash32("Await(global::TypedGrains.Caller<global::Cases.Other.RemoteRef>)"), ids["Await"]);
    }

    [Fact]
    public void IdsAreTheSameWhetherReferencesAreGeneratedAlongsideOrReferenced()
    {
        // Compile the target grains (with their generated references) into one assembly...
        GeneratorOutcome library = GeneratorHarness.Run(
            "using TypedGrains;\nnamespace Lib;\n[Grain] public sealed partial class Target : Grain<int> { }\n").AssertGeneratorQuiet();
        using var image = new System.IO.MemoryStream();
        Assert.True(library.Output.Emit(image).Success);
        Microsoft.CodeAnalysis.MetadataReference libraryReference = Microsoft.CodeAnalysis.MetadataReference.CreateFromImage(image.ToArray());

        // ...and the grain taking a TargetRef in another one, where TargetRef is a real type.
        const string user = "using TypedGrains;\nusing Lib;\nnamespace App;\n[Grain] public sealed partial class User : Grain<int> { [Call] public void Use(TargetRef target, TargetRef? maybe) { } }\n";
        Microsoft.CodeAnalysis.CSharp.CSharpCompilation compilation = GeneratorHarness.CreateCompilation(user).AddReferences(libraryReference);
        string referenced = GeneratorHarness.CreateDriver().RunGenerators(compilation).GetRunResult().Results.Single().GeneratedSources.GrainFiles().Single().SourceText.ToString();

        // Both together in one compilation, where TargetRef is not yet generated when the generator runs.
        string together = GeneratorHarness.Run(
            user, "using TypedGrains;\nnamespace Lib;\n[Grain] public sealed partial class Target : Grain<int> { }\n")
            .AssertGeneratorQuiet().Sources.Single(s => s.HintName == "App.User.g.cs").Text;

        Assert.Equal(IdsOfText(referenced)["Use"], IdsOfText(together)["Use"]);
        Assert.Equal(referenced, together);
    }

    private static string Grain(params string[] handlers) =>
        "using TypedGrains;\nnamespace Ids;\n[Grain] public sealed partial class G : Grain<int>\n{\n"
        + string.Join("\n", handlers) + "\n}\n";

    private static Dictionary<string, uint> IdsOf(string source) =>
        IdsOfText(GeneratorHarness.Run(source).AssertGeneratorQuiet().GrainSources.Single().Text);

    private static Dictionary<string, uint> IdsOfText(string text)
    {
        return RequestPattern().Matches(text).ToDictionary(
            m => m.Groups[1].Value,
            m => uint.Parse(m.Groups[2].Value, System.Globalization.NumberStyles.HexNumber),
            System.StringComparer.Ordinal);
    }

    [GeneratedRegex(@"readonly struct @?(\w+) : global::TypedGrains\.I\w*GrainRequest<.*?MethodId => 0x([0-9A-F]{8})u;", RegexOptions.Singleline)]
    private static partial Regex RequestPattern();

    [GeneratedRegex(@"case 0x([0-9A-F]{8})u:")]
    private static partial Regex CasePattern();
}
