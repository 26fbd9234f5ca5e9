using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// Reads the doc comment of a handler from its syntax (<c>///</c> or <c>/** */</c>), so the result does not depend on
/// the project's documentation mode, and keeps what its generated reference method can show: the
/// <c>&lt;summary&gt;</c>, the <c>&lt;param&gt;</c> of each parameter the method keeps, and the <c>&lt;returns&gt;</c>.
/// References that may not resolve where the text is copied (<c>cref</c>, and <c>paramref</c> to a parameter the
/// method does not have) become <c>&lt;c&gt;</c> text.
/// </summary>
internal static partial class DocumentationComment
{
    /// <summary>The description of the <c>CancellationToken</c> a generated call method takes.</summary>
    public const string CancellationTokenText =
        "Stops waiting for the reply; the outcome of a cancelled call is unknown (the handler's turn may still run).";

    /// <summary>
    /// The documentation of <paramref name="symbol"/> for a generated method with the parameters
    /// <paramref name="parameterNames"/>; empty when it has none or its comment is malformed, unless
    /// <paramref name="cancellationTokenName"/> asks for the generated method's token to be documented.
    /// </summary>
    /// <param name="symbol">The documented handler.</param>
    /// <param name="parameterNames">The parameter names of the generated method, in order, without <c>@</c>.</param>
    /// <param name="returnsValue">Whether the generated method returns something its <c>&lt;returns&gt;</c> can describe.</param>
    /// <param name="cancellationTokenName">
    /// The name of the <c>CancellationToken</c> parameter the generated method adds after <paramref name="parameterNames"/>,
    /// or <c>null</c> when it adds none.
    /// </param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public static DocumentationModel Read(ISymbol symbol, IReadOnlyList<string> parameterNames, bool returnsValue, string? cancellationTokenName, CancellationToken cancellationToken)
    {
        string? found = null;
        DocumentationModel documentation = DocumentationModel.Empty;
        foreach (SyntaxReference reference in symbol.DeclaringSyntaxReferences)
        {
            string? comment = ReadDocComment(reference.GetSyntax(cancellationToken));
            if (comment is not null && !(documentation = Extract(comment, parameterNames, returnsValue)).IsEmpty)
            {
                found = comment;
                break;
            }
        }

        if (cancellationTokenName is not null)
        {
            return Extract(found ?? string.Empty, parameterNames, returnsValue, cancellationTokenName);
        }

        return found is null ? DocumentationModel.Empty : documentation;
    }

    /// <summary>The documentation in the doc comment text <paramref name="comment"/> (without comment markers).</summary>
    /// <param name="comment">The XML of the comment.</param>
    /// <param name="parameterNames">The parameter names of the generated method, in order, without <c>@</c>.</param>
    /// <param name="returnsValue">Whether to keep the <c>&lt;returns&gt;</c>.</param>
    /// <param name="cancellationTokenName">
    /// The name of the <c>CancellationToken</c> parameter the generated method adds, or <c>null</c>: when given, every
    /// parameter gets a <c>&lt;param&gt;</c> (the compiler warns about a partial set, CS1573), the token's last.
    /// </param>
    public static DocumentationModel Extract(string comment, IReadOnlyList<string> parameterNames, bool returnsValue, string? cancellationTokenName = null)
    {
        if (Parts(comment, parameterNames, useXml: false) is not { } parts)
        {
            return DocumentationModel.Empty;
        }

        return Assemble(parts, parameterNames, returnsValue, cancellationTokenName);
    }

    /// <summary>
    /// What <see cref="Extract"/> keeps of <paramref name="comment"/>: the lines of its summary, of each
    /// <c>&lt;param&gt;</c> of a name in <paramref name="parameterNames"/> (in order, repeats too) and of its returns;
    /// <c>null</c> when it is not well-formed XML. Read with <see cref="DocumentationFragment"/> when it takes the
    /// comment, with an <c>XElement</c> otherwise or when <paramref name="useXml"/> (the tests compare the two).
    /// </summary>
    internal static (string[] Summary, List<(string Name, string[] Lines)> Params, string[] Returns)? Parts(
        string comment, IReadOnlyList<string> parameterNames, bool useXml)
    {
        if (!useXml && DocumentationFragment.TryParse(comment) is { } nodes)
        {
            var fragmentParams = new List<(string Name, string[] Lines)>();
            foreach (DocumentationFragment param in nodes)
            {
                if (param.IsElement && param.Name == "param")
                {
                    string name = (param.Attribute("name") ?? string.Empty).Trim().TrimStart('@');
                    if (parameterNames.Contains(name, StringComparer.Ordinal))
                    {
                        fragmentParams.Add((name, FragmentLines(param, parameterNames)));
                    }
                }
            }

            return (FragmentLines(DocumentationFragment.Element(nodes, "summary"), parameterNames), fragmentParams, FragmentLines(DocumentationFragment.Element(nodes, "returns"), parameterNames));
        }

        XElement root;
        try
        {
            root = XElement.Parse("<doc>" + comment + "</doc>", LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }

        var xmlParams = new List<(string Name, string[] Lines)>();
        foreach (XElement param in root.Elements("param"))
        {
            string name = ((string?)param.Attribute("name") ?? string.Empty).Trim().TrimStart('@');
            if (parameterNames.Contains(name, StringComparer.Ordinal))
            {
                xmlParams.Add((name, ContentLines(param, parameterNames)));
            }
        }

        return (ContentLines(root.Element("summary"), parameterNames), xmlParams, ContentLines(root.Element("returns"), parameterNames));
    }

    private static DocumentationModel Assemble(
        (string[] Summary, List<(string Name, string[] Lines)> Params, string[] Returns) parts,
        IReadOnlyList<string> parameterNames,
        bool returnsValue,
        string? cancellationTokenName)
    {
        string[] summary = parts.Summary;
        var tags = new List<string>();

        // The <param> of each parameter the generated method has, in its order; tags for other names (the caller
        // token, a typo) would warn in the generated file (CS1572), and so would a partial set (CS1573): when the
        // handler documents some parameters, the others get a plain description.
        var documented = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach ((string name, string[] lines) in parts.Params)
        {
            if (!documented.ContainsKey(name) && lines.Length > 0)
            {
                documented.Add(name, lines);
            }
        }

        if (documented.Count > 0 || cancellationTokenName is not null)
        {
            foreach (string name in parameterNames)
            {
                string[] lines = documented.TryGetValue(name, out string[]? text) ? text : ["The <c>" + name + "</c> argument."];
                AddTag(tags, "<param name=\"" + name + "\">", "</param>", lines);
            }
        }

        if (cancellationTokenName is not null)
        {
            AddTag(tags, "<param name=\"" + cancellationTokenName + "\">", "</param>", [CancellationTokenText]);
        }

        if (returnsValue)
        {
            string[] returns = parts.Returns;
            if (returns.Length > 0)
            {
                AddTag(tags, "<returns>", "</returns>", returns);
            }
        }

        return new DocumentationModel(new EquatableArray<string>(summary), new EquatableArray<string>(tags.ToArray()));
    }

    private static string[] FragmentLines(DocumentationFragment? element, IReadOnlyList<string> parameterNames)
    {
        if (element is null)
        {
            return [];
        }

        var text = new StringBuilder();
        DocumentationFragment.WriteSanitized(text, element.Children, parameterNames);
        return TrimmedLines(text.ToString());
    }

    private static string[] TrimmedLines(string text)
    {
        var lines = text
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

        return lines.ToArray();
    }

    /// <summary>Adds a tag on one line when its text is one line, otherwise with the text on lines of their own.</summary>
    private static void AddTag(List<string> tags, string open, string close, string[] lines)
    {
        if (lines.Length == 1)
        {
            tags.Add(open + lines[0] + close);
            return;
        }

        tags.Add(open);
        tags.AddRange(lines);
        tags.Add(close);
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
}
