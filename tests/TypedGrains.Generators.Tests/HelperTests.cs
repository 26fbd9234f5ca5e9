using TypedGrains.Generators.Helpers;
using TypedGrains.Generators.Models;
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
        DocumentationModel documentation = DocumentationComment.Extract(
            "<summary>\n Reads <see cref=\"T:Ns.Thing\"/> for <paramref name=\"key\"/>,\n see <seealso cref=\"Other\">the other</seealso> and <see langword=\"true\"/>.\n</summary>",
            [],
            returnsValue: true);

        Assert.Equal(
            ["Reads <c>Ns.Thing</c> for <c>key</c>,", "see the other and <see langword=\"true\" />."],
            documentation.Summary);
        Assert.True(documentation.Tags.IsEmpty);
    }

    [Fact]
    public void ParamrefToAKeptParameterStaysALink()
    {
        DocumentationModel documentation = DocumentationComment.Extract(
            "<summary>Uses <paramref name=\"@class\"/> and <paramref name=\"caller\"/>.</summary>",
            ["class"],
            returnsValue: false);

        Assert.Equal(["Uses <paramref name=\"class\" /> and <c>caller</c>."], documentation.Summary);
    }

    [Fact]
    public void ParamTagsFollowTheGeneratedParametersAndMissingOnesAreFilledIn()
    {
        DocumentationModel documentation = DocumentationComment.Extract(
            "<param name=\"typo\">Gone.</param>\n<param name=\"caller\">Gone too.</param>\n<param name=\"third\">Third.</param>\n<param name=\"second\">\n  Two\n  lines.\n</param>\n<param name=\"second\">Duplicate.</param>\n<returns>The <see cref=\"M:X.Y\"/>.</returns>",
            ["first", "second", "third"],
            returnsValue: true);

        Assert.True(documentation.Summary.IsEmpty);
        Assert.Equal(
            ["<param name=\"first\">The <c>first</c> argument.</param>", "<param name=\"second\">", "Two", "lines.", "</param>", "<param name=\"third\">Third.</param>", "<returns>The <c>X.Y</c>.</returns>"],
            documentation.Tags);
    }

    [Fact]
    public void ReturnsIsDroppedWhenTheMethodReturnsNothingAndUnknownParamsAddNothing()
    {
        DocumentationModel documentation = DocumentationComment.Extract(
            "<summary>S.</summary><param name=\"other\">O.</param><param name=\"first\"> </param><returns>R.</returns>",
            ["first"],
            returnsValue: false);

        Assert.Equal(["S."], documentation.Summary);
        Assert.True(documentation.Tags.IsEmpty);
    }

    [Theory]
    [InlineData("<summary>unclosed")]
    [InlineData("<remarks>no summary</remarks>")]
    [InlineData("<summary>   </summary>")]
    public void MissingOrMalformedDocumentationIsEmpty(string comment)
    {
        Assert.True(DocumentationComment.Extract(comment, ["value"], returnsValue: true).IsEmpty);
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
