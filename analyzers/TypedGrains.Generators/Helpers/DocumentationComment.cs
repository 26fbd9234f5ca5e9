using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// Reads the <c>&lt;summary&gt;</c> of a member's <c>///</c> (or <c>/** */</c>) doc comment from its syntax, so the
/// result does not depend on the project's documentation mode. References that may not resolve where the text is
/// copied (<c>cref</c>, <c>paramref</c>, <c>typeparamref</c>) become <c>&lt;c&gt;</c> text.
/// </summary>
internal static class DocumentationSummary
{
    /// <summary>The summary lines of <paramref name="symbol"/>, or an empty array when it has none or it is malformed.</summary>
    public static EquatableArray<string> Read(ISymbol symbol, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            string? comment = ReadDocComment(reference.GetSyntax(cancellationToken));
            if (comment is null)
            {
                continue;
            }

            EquatableArray<string> lines = ExtractSummary(comment);
            if (!lines.IsEmpty)
            {
                return lines;
            }
        }

        return EquatableArray<string>.Empty;
    }

    /// <summary>The summary lines of the doc comment text <paramref name="comment"/> (without comment markers).</summary>
    public static EquatableArray<string> ExtractSummary(string comment)
    {
        XElement root;
        try
        {
            root = XElement.Parse("<doc>" + comment + "</doc>", LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return EquatableArray<string>.Empty;
        }

        XElement? summary = root.Element("summary");
        if (summary is null)
        {
            return EquatableArray<string>.Empty;
        }

        var text = new StringBuilder();
        foreach (XNode node in Sanitize(summary.Nodes()))
        {
            text.Append(node.ToString(SaveOptions.DisableFormatting));
        }

        var lines = text.ToString()
            .Replace("\r\n", "\n")
            .Split('\n')
            .Select(line => line.Trim())
            .ToList();
        while (lines.Count > 0 && lines[0].Length == 0)
        {
            lines.RemoveAt(0);
        }

        while (lines.Count > 0 && lines[lines.Count - 1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return new EquatableArray<string>(lines.ToArray());
    }

    private static string? ReadDocComment(SyntaxNode node)
    {
        var text = new StringBuilder();
        bool found = false;
        foreach (SyntaxTrivia trivia in node.GetLeadingTrivia())
        {
            string content = trivia.ToFullString();
            switch (trivia.Kind())
            {
                case SyntaxKind.SingleLineDocumentationCommentTrivia:
                case SyntaxKind.SingleLineCommentTrivia when IsTripleSlash(content):
                    found = true;
                    foreach (string line in content.Replace("\r\n", "\n").Split('\n'))
                    {
                        string trimmed = line.TrimStart();
                        if (trimmed.StartsWith("///", StringComparison.Ordinal))
                        {
                            text.Append(trimmed.Substring(3)).Append('\n');
                        }
                    }

                    break;
                case SyntaxKind.MultiLineDocumentationCommentTrivia:
                case SyntaxKind.MultiLineCommentTrivia when content.StartsWith("/**", StringComparison.Ordinal) && !content.StartsWith("/**/", StringComparison.Ordinal):
                    found = true;
                    string body = content.Substring(3);
                    if (body.EndsWith("*/", StringComparison.Ordinal))
                    {
                        body = body.Substring(0, body.Length - 2);
                    }

                    foreach (string line in body.Replace("\r\n", "\n").Split('\n'))
                    {
                        string trimmed = line.TrimStart();
                        text.Append(trimmed.StartsWith("*", StringComparison.Ordinal) ? trimmed.Substring(1) : trimmed).Append('\n');
                    }

                    break;
            }
        }

        return found ? text.ToString() : null;
    }

    private static bool IsTripleSlash(string content) =>
        content.StartsWith("///", StringComparison.Ordinal) && !content.StartsWith("////", StringComparison.Ordinal);

    private static IEnumerable<XNode> Sanitize(IEnumerable<XNode> nodes)
    {
        foreach (XNode node in nodes)
        {
            if (node is not XElement element)
            {
                yield return node;
                continue;
            }

            string name = element.Name.LocalName;
            bool isReference = name is "see" or "seealso" or "paramref" or "typeparamref" || element.Attribute("cref") is not null;
            if (isReference && element.Attribute("langword") is null && element.Attribute("href") is null)
            {
                if (element.Nodes().Any())
                {
                    foreach (XNode child in Sanitize(element.Nodes()))
                    {
                        yield return child;
                    }
                }
                else
                {
                    string target = (string?)element.Attribute("cref") ?? (string?)element.Attribute("name") ?? string.Empty;
                    if (target.Length > 2 && target[1] == ':')
                    {
                        target = target.Substring(2);
                    }

                    yield return new XElement("c", target);
                }

                continue;
            }

            var copy = new XElement(element.Name, element.Attributes());
            copy.Add(Sanitize(element.Nodes()).ToArray());
            yield return copy;
        }
    }
}
