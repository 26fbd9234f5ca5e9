using TypedGrains.Generators.Helpers;
using Xunit;

namespace TypedGrains.Generators.Tests;

/// <summary>
/// The cheap doc-comment reader (<see cref="DocumentationFragment"/>) keeps exactly what the <c>XElement</c> reader
/// keeps, and leaves to it what it does not read.
/// </summary>
public sealed class DocumentationFragmentTests
{
    private static readonly string[] Names = ["amount", "peer"];

    public static TheoryData<string> Taken => new()
    {
        "<summary>Adds <paramref name=\"amount\"/> and returns the new count.</summary>",
        "<summary>The saved count of <see cref=\"T:A.B\"/>; <see cref='M:A.B.C(System.Int32)'>this one</see>.</summary>",
        "<summary>\n A <c>x</c>, a > b, \"quoted\" 'too'.\n\t<para>Two <b></b><i/> <br />lines.</para>\n</summary>\n<returns>R <paramref name='other'/></returns>",
        "<summary><see langword=\"null\"/>, <see href=\"https://x/?a=1\">link</see>, <typeparamref name=\"T\"/>, <seealso cref=\"X\"></seealso></summary>",
        "<summary a = 'v\"w>x' b=\"multi\nline\tvalue\">S</summary><param name=\" @amount \">A <paramref name=\"@peer\"/>.</param><param name=\"peer\"></param><param name=\"peer\">P2</param>",
        "text before <remarks><list type=\"bullet\"><item><description>D</description></item></list></remarks> <summary>Ünïcode ✓ </summary >",
        "<param name=\"unknown\">U</param><returns>\n\n  R1\n  R2\n\n</returns>",
        "",
    };

    public static TheoryData<string> Refused => new()
    {
        "<summary>An &lt;entity&gt; &amp; more.</summary>",
        "<summary><![CDATA[<raw>]]></summary>",
        "<summary><!-- note --> S</summary>",
        "<summary>Unclosed",
        "<summary>Mismatched</returns>",
        "<summary a=\"1\" a=\"2\">Duplicate attribute</summary>",
        "<x:summary xmlns:x=\"urn:x\">Namespaced</x:summary>",
        "<summary>Bad ]]> text</summary>",
        "<summary>Stray </ close</summary>",
        "<summary>\u0001 control</summary>",
    };

    [Theory]
    [MemberData(nameof(Taken))]
    public void WhatTheCheapReaderTakesItReadsAsTheXmlReaderDoes(string comment)
    {
        Assert.NotNull(DocumentationFragment.TryParse(comment));
        Assert.Equal(Render(DocumentationComment.Parts(comment, Names, useXml: true)), Render(DocumentationComment.Parts(comment, Names, useXml: false)));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void WhatTheCheapReaderRefusesTheXmlReaderReads(string comment)
    {
        Assert.Null(DocumentationFragment.TryParse(comment));
        Assert.Equal(Render(DocumentationComment.Parts(comment, Names, useXml: true)), Render(DocumentationComment.Parts(comment, Names, useXml: false)));
    }

    private static string Render((string[] Summary, System.Collections.Generic.List<(string Name, string[] Lines)> Params, string[] Returns)? parts) =>
        parts is not { } p
            ? "malformed"
            : "S:" + string.Join("|", p.Summary) + "\nP:" + string.Join(";", p.Params.ConvertAll(x => x.Name + "=" + string.Join("|", x.Lines))) + "\nR:" + string.Join("|", p.Returns);
}
