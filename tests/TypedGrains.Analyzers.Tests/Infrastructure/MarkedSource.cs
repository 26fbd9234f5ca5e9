using Microsoft.CodeAnalysis.Text;

namespace TypedGrains.Analyzers.Tests.Infrastructure;

/// <summary>A source with one span marked <c>[|...|]</c>, the expected location of a diagnostic.</summary>
internal sealed record MarkedSource(string Text, TextSpan Span)
{
    public static MarkedSource Parse(string marked)
    {
        int start = marked.IndexOf("[|", System.StringComparison.Ordinal);
        int end = marked.IndexOf("|]", System.StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new System.ArgumentException("The source has no [|...|] marker.", nameof(marked));
        }

        string text = marked.Remove(end, 2).Remove(start, 2);
        return new MarkedSource(text, TextSpan.FromBounds(start, end - 2));
    }
}
