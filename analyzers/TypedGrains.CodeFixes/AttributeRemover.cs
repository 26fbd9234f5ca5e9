using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace TypedGrains.CodeFixes;

/// <summary>
/// Removes attributes as text edits: an attribute with its separator when others stay in its list, a list that becomes
/// empty with its line when it stood alone on one, and otherwise with the spaces that separated it from its neighbour.
/// </summary>
internal static class AttributeRemover
{
    /// <summary>The edits that remove <paramref name="attributes"/> (all from one syntax tree) from <paramref name="text"/>.</summary>
    public static IReadOnlyList<TextChange> Remove(SourceText text, IEnumerable<AttributeSyntax> attributes)
    {
        var changes = new List<TextChange>();
        foreach (IGrouping<AttributeListSyntax, AttributeSyntax> group in attributes.Distinct().GroupBy(a => (AttributeListSyntax)a.Parent!))
        {
            AttributeListSyntax list = group.Key;
            if (group.Count() == list.Attributes.Count)
            {
                changes.Add(new TextChange(RemovedListSpan(text, list.Span), string.Empty));
                continue;
            }

            foreach (AttributeSyntax attribute in group)
            {
                changes.Add(new TextChange(RemovedAttributeSpan(list, attribute), string.Empty));
            }
        }

        return changes.OrderBy(c => c.Span.Start).ToArray();
    }

    // The attribute up to the next one's start, or (when last) from the previous one's end, so one separator goes with it.
    private static TextSpan RemovedAttributeSpan(AttributeListSyntax list, AttributeSyntax attribute)
    {
        int index = list.Attributes.IndexOf(attribute);
        return index < list.Attributes.Count - 1
            ? TextSpan.FromBounds(attribute.SpanStart, list.Attributes[index + 1].SpanStart)
            : TextSpan.FromBounds(list.Attributes[index - 1].Span.End, attribute.Span.End);
    }

    private static TextSpan RemovedListSpan(SourceText text, TextSpan list)
    {
        TextLine firstLine = text.Lines.GetLineFromPosition(list.Start);
        TextLine lastLine = text.Lines.GetLineFromPosition(list.End);
        bool startsLine = IsBlank(text, firstLine.Start, list.Start);
        bool endsLine = IsBlank(text, list.End, lastLine.End);
        if (startsLine && endsLine)
        {
            return TextSpan.FromBounds(firstLine.Start, lastLine.EndIncludingLineBreak);
        }

        if (endsLine)
        {
            int start = list.Start;
            while (start > firstLine.Start && IsSpace(text[start - 1]))
            {
                start--;
            }

            return TextSpan.FromBounds(start, list.End);
        }

        int end = list.End;
        while (end < lastLine.End && IsSpace(text[end]))
        {
            end++;
        }

        return TextSpan.FromBounds(list.Start, end);
    }

    private static bool IsBlank(SourceText text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            if (!IsSpace(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsSpace(char c) => c is ' ' or '\t';
}
