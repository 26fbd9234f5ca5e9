using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Tests.Infrastructure;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>Unit tests of the generator's small helpers.</summary>
public sealed class HelperTests
{
    [Fact]
    public void SourceWriterIndentsAndNeverLeavesTrailingWhitespace()
    {
        var writer = new SourceWriter();
        writer.OpenBlock("class C");
        writer.WriteLine("int a;   ");
        writer.WriteLine();
        writer.WriteLine("void M()\r\n{\n}");
        writer.CloseBlock();

        Assert.Equal("class C\n{\n    int a;\n\n    void M()\n    {\n    }\n}\n", writer.ToString());
    }

    [Fact]
    public void EquatableArrayComparesByContent()
    {
        var left = new EquatableArray<string>(["a", "b"]);
        var right = new EquatableArray<string>(["a", "b"]);
        var other = new EquatableArray<string>(["b", "a"]);

        Assert.Equal(left, right);
        Assert.Equal(left.GetHashCode(), right.GetHashCode());
        Assert.NotEqual(left, other);
        Assert.Equal(EquatableArray<string>.Empty, default);
    }

    [Fact]
    public void SummaryReferencesBecomeCodeText()
    {
        EquatableArray<string> lines = DocumentationSummary.ExtractSummary(
            "<summary>\n Reads <see cref=\"T:Ns.Thing\"/> for <paramref name=\"key\"/>,\n see <seealso cref=\"Other\">the other</seealso> and <see langword=\"true\"/>.\n</summary>");

        Assert.Equal(
            ["Reads <c>Ns.Thing</c> for <c>key</c>,", "see the other and <see langword=\"true\" />."],
            lines);
    }

    [Theory]
    [InlineData("<summary>unclosed")]
    [InlineData("<remarks>no summary</remarks>")]
    [InlineData("<summary>   </summary>")]
    public void MissingOrMalformedSummaryIsEmpty(string comment)
    {
        Assert.True(DocumentationSummary.ExtractSummary(comment).IsEmpty);
    }

    [Fact]
    public void SnapshotDiffShowsTheFirstDifferingLines()
    {
        string diff = Snapshot.Diff("a\nb\nc\nd\n", "a\nb\nX\nd\n");

        Assert.Equal("First difference at line 3:\n  a\n  b\n- c\n+ X\n", diff);
    }

    [Fact]
    public void SnapshotScrubsTheGeneratorVersionAndLineEnds()
    {
        string scrubbed = Snapshot.Scrub("\uFEFF[GeneratedCode(\"TypedGrains.Generators\", \"1.2.3.4\")]\r\n");

        Assert.Equal("[GeneratedCode(\"TypedGrains.Generators\", \"{version}\")]\n", scrubbed);
    }
}
