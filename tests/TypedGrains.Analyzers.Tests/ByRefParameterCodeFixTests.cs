using System.Threading.Tasks;
using TypedGrains.Analyzers.Tests.Infrastructure;
using TypedGrains.CodeFixes;
using Xunit;

namespace TypedGrains.Analyzers.Tests;

/// <summary>TG0007: a <c>ref</c>/<c>in</c>/<c>ref readonly</c> handler parameter is passed by value; other parameter problems get no fix.</summary>
public sealed class ByRefParameterCodeFixTests
{
    private const string Usings = CodeFixAssert.Usings;

    [Theory]
    [InlineData("ref int value")]
    [InlineData("in int value")]
    [InlineData("ref readonly int value")]
    [InlineData("scoped ref int value")]
    public async Task ModifierIsRemoved(string parameter)
    {
        await FixesAsync(
            "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Get(" + parameter + ") => value;\n}\n",
            "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Get(int value) => value;\n}\n");
    }

    [Fact]
    public async Task AttributesAndOtherParametersStay()
    {
        await FixesAsync(
            "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Add(int first,\n        [System.ComponentModel.Description(\"second\")] in int second) => first + second;\n}\n",
            "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Add(int first,\n        [System.ComponentModel.Description(\"second\")] int second) => first + second;\n}\n");
    }

    [Fact]
    public async Task CallsInSourcePassTheArgumentByValue()
    {
        await FixesAsync(
            "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Get(int first, ref int value) => first + value;\n\n    public int Twice()\n    {\n        int two = 2;\n        return Get(1, ref two) + Get(value: ref two, first: 0);\n    }\n}\n",
            "[Grain]\npublic sealed partial class G : Grain<S>\n{\n    [Call] public int Get(int first, int value) => first + value;\n\n    public int Twice()\n    {\n        int two = 2;\n        return Get(1, two) + Get(value: two, first: 0);\n    }\n}\n");
    }

    [Theory]
    [InlineData("[Call] public void Get(int first, out int second) => second = first;")]
    [InlineData("[Call] public unsafe int Get(ref int* pointer) => 0;")]
    [InlineData("[Call] public int Get(ref System.Span<int> values) => 0;")]
    [InlineData("[Call] public int Get(System.ReadOnlySpan<int> values) => 0;")]
    [InlineData("[Call] public int Get(params int[] values) => 0;")]
    [InlineData("[Call] public int Get(int MethodId) => 0;")]
    [InlineData("[Cast] public void Wait(Caller<int> caller) { }")]
    public async Task NotOfferedWhenByValueStaysUnsupported(string handler)
    {
        await CodeFixAssert.NotOfferedAsync(new ByRefParameterCodeFix(), "TG0007", "[Grain] public sealed partial class G : Grain<S> { " + handler + " }\n");
    }

    [Fact]
    public async Task FixAllPassesEveryReportedParameterByValue()
    {
        string source = Usings
            + "[Grain] public sealed partial class A : Grain<S> { [Call] public int Get(ref int value) => value; }\n"
            + "[Grain] public sealed partial class B : Grain<S> { [Cast] public void Set(in int value) { } [Call] public int Echo(ref readonly int value) => value; }\n";

        string[] fixedTexts = await CodeFixHarness.FixAllAsync(new ByRefParameterCodeFix(), "TG0007", ByRefParameterCodeFix.EquivalenceKey, source);

        Assert.Equal(
            Usings
            + "[Grain] public sealed partial class A : Grain<S> { [Call] public int Get(int value) => value; }\n"
            + "[Grain] public sealed partial class B : Grain<S> { [Cast] public void Set(int value) { } [Call] public int Echo(int value) => value; }\n",
            fixedTexts[0]);
        CodeFixAssert.BuildsClean(fixedTexts);
    }

    private static Task FixesAsync(string before, string after) =>
        CodeFixAssert.FixesAsync(new ByRefParameterCodeFix(), "TG0007", ByRefParameterCodeFix.EquivalenceKey, before, after);
}
