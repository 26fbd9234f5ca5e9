using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>TG0004: the misplaced <c>[Call]</c>/<c>[Cast]</c> goes, other attributes and the layout around it stay.</summary>
public sealed class HandlerOutsideGrainCodeFixTests
{
    private const string Usings = CodeFixAssert.Usings;

    [Fact]
    public async Task AttributeOnItsOwnLineGoesWithTheLine()
    {
        await FixesAsync(
            "public sealed class Plain\n{\n    /// <summary>Zero.</summary>\n    [Call]\n    public int Get() => 0;\n}\n",
            "public sealed class Plain\n{\n    /// <summary>Zero.</summary>\n    public int Get() => 0;\n}\n");
    }

    [Fact]
    public async Task AttributeBeforeTheMethodOnOneLineGoesWithItsSpace()
    {
        await FixesAsync(
            "public class Base { [Cast] public void Poke() { } }\n",
            "public class Base { public void Poke() { } }\n");
    }

    [Fact]
    public async Task OtherAttributesInTheListStayWhenItIsFirst()
    {
        await FixesAsync(
            "public class Base\n{\n    [Cast, System.ComponentModel.Description(\"poke\")]\n    public void Poke() { }\n}\n",
            "public class Base\n{\n    [System.ComponentModel.Description(\"poke\")]\n    public void Poke() { }\n}\n");
    }

    [Fact]
    public async Task OtherAttributesInTheListStayWhenItIsLast()
    {
        await FixesAsync(
            "public class Base\n{\n    [System.ComponentModel.Description(\"get\"), Call] public int Get() => 0;\n}\n",
            "public class Base\n{\n    [System.ComponentModel.Description(\"get\")] public int Get() => 0;\n}\n");
    }

    [Fact]
    public async Task OtherAttributeListsStay()
    {
        await FixesAsync(
            "public class Base\n{\n    [System.ComponentModel.Description(\"get\")] [Call]\n    public int Get() => 0;\n}\n",
            "public class Base\n{\n    [System.ComponentModel.Description(\"get\")]\n    public int Get() => 0;\n}\n");
    }

    [Fact]
    public async Task AttributeOnAnAccessorGoes()
    {
        await FixesAsync(
            "public class Base\n{\n    public int Count { [Call] get => 0; }\n}\n",
            "public class Base\n{\n    public int Count { get => 0; }\n}\n");
    }

    [Fact]
    public async Task AttributeOnEitherPartOfAPartialMethodGoes()
    {
        string definition = Usings + "public partial class Base\n{\n    [Call]\n    public partial int Get();\n}\n";
        string implementation = Usings.Replace("public sealed record S(int Count = 0);\n\n", "") + "public partial class Base\n{\n    public partial int Get() => 0;\n}\n";

        string[] fixedTexts = await CodeFixHarness.ApplyAsync(new HandlerOutsideGrainCodeFix(), "TG0004", HandlerOutsideGrainCodeFix.EquivalenceKey, definition, implementation);

        Assert.Equal(Usings + "public partial class Base\n{\n    public partial int Get();\n}\n", fixedTexts[0]);
        Assert.Equal(implementation, fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    [Fact]
    public async Task FixAllRemovesEveryMisplacedAttribute()
    {
        string source = Usings
            + "public class A\n{\n    [Call]\n    public int One() => 1;\n    [Cast]\n    public void Two() { }\n}\n"
            + "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; }\n";
        string other = "using TypedGrains;\n\nnamespace Cases;\n\npublic interface I { [Call] int Get(); }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new HandlerOutsideGrainCodeFix(), "TG0004", HandlerOutsideGrainCodeFix.EquivalenceKey, source, other);

        Assert.Equal(
            Usings
            + "public class A\n{\n    public int One() => 1;\n    public void Two() { }\n}\n"
            + "[Grain] public sealed partial class G : Grain<S> { [Call] public int Get() => 0; }\n",
            fixedTexts[0]);
        Assert.Equal("using TypedGrains;\n\nnamespace Cases;\n\npublic interface I { int Get(); }\n", fixedTexts[1]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    private static Task FixesAsync(string before, string after) =>
        CodeFixAssert.FixesAsync(new HandlerOutsideGrainCodeFix(), "TG0004", HandlerOutsideGrainCodeFix.EquivalenceKey, before, after);
}
