using System;
using System.Collections.Generic;
using System.Text;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// A cheap reader of the doc comments most handlers have: elements with plain attributes and text, no entity
/// references, CDATA, comments, processing instructions or namespaces. It builds no XML tree and writes what
/// <see cref="DocumentationComment"/> keeps exactly as the <c>XElement</c> reader does (the same escaping, <c>&lt;x /&gt;</c>
/// for an empty element). <see cref="TryParse"/> returns <c>null</c> for anything else, and the caller uses the XML reader.
/// </summary>
internal sealed partial class DocumentationFragment
{
    private const int MaxDepth = 32;

    private readonly string? text;
    private readonly string name;
    private readonly List<(string Name, string Value)> attributes;
    private readonly List<DocumentationFragment> children;

    private DocumentationFragment(string? text, string name, List<(string Name, string Value)> attributes, List<DocumentationFragment> children)
    {
        this.text = text;
        this.name = name;
        this.attributes = attributes;
        this.children = children;
    }

    /// <summary>The top-level nodes of <paramref name="comment"/>, or <c>null</c> when this reader does not take it.</summary>
    public static List<DocumentationFragment>? TryParse(string comment)
    {
        foreach (char c in comment)
        {
            if (c < ' ' ? c is not ('\t' or '\n') : c is >= '\uD800' and <= '\uDFFF' or '\uFFFE' or '\uFFFF')
            {
                return null;
            }
        }

        int position = 0;
        var nodes = new List<DocumentationFragment>();
        return ParseContent(comment, ref position, null, nodes, 0) ? nodes : null;
    }

    /// <summary>The first child element named <paramref name="elementName"/>.</summary>
    public static DocumentationFragment? Element(List<DocumentationFragment> nodes, string elementName)
    {
        foreach (DocumentationFragment node in nodes)
        {
            if (node.text is null && node.name == elementName)
            {
                return node;
            }
        }

        return null;
    }

    /// <summary>The value of the attribute <paramref name="attributeName"/>, or <c>null</c>.</summary>
    public string? Attribute(string attributeName)
    {
        foreach ((string Name, string Value) attribute in attributes)
        {
            if (attribute.Name == attributeName)
            {
                return attribute.Value;
            }
        }

        return null;
    }

    /// <summary>The name of an element; empty for text.</summary>
    public string Name => name;

    /// <summary>Whether this is an element (not text).</summary>
    public bool IsElement => text is null;

    /// <summary>The child nodes of an element.</summary>
    public List<DocumentationFragment> Children => children;

    /// <summary>
    /// Writes <paramref name="nodes"/> as <c>DocumentationComment</c>'s sanitizer does: a <c>paramref</c> to a kept
    /// parameter stays, other references become their text or <c>&lt;c&gt;</c>, anything else is copied.
    /// </summary>
    public static void WriteSanitized(StringBuilder output, List<DocumentationFragment> nodes, IReadOnlyList<string> parameterNames)
    {
        foreach (DocumentationFragment node in nodes)
        {
            if (node.text is not null)
            {
                AppendEscaped(output, node.text, attribute: false);
                continue;
            }

            string? target = node.Attribute("name");
            if (node.name == "paramref" && target is not null && Contains(parameterNames, target.Trim().TrimStart('@')))
            {
                output.Append("<paramref name=\"");
                AppendEscaped(output, target.Trim().TrimStart('@'), attribute: true);
                output.Append("\" />");
                continue;
            }

            string? cref = node.Attribute("cref");
            bool isReference = node.name is "see" or "seealso" or "paramref" or "typeparamref" || cref is not null;
            if (isReference && node.Attribute("langword") is null && node.Attribute("href") is null)
            {
                if (node.children.Count > 0)
                {
                    WriteSanitized(output, node.children, parameterNames);
                }
                else
                {
                    string reference = cref ?? target ?? string.Empty;
                    if (reference.Length > 2 && reference[1] == ':')
                    {
                        reference = reference.Substring(2);
                    }

                    output.Append("<c>");
                    AppendEscaped(output, reference, attribute: false);
                    output.Append("</c>");
                }

                continue;
            }

            output.Append('<').Append(node.name);
            foreach ((string Name, string Value) attribute in node.attributes)
            {
                output.Append(' ').Append(attribute.Name).Append("=\"");
                AppendEscaped(output, attribute.Value, attribute: true);
                output.Append('"');
            }

            if (node.children.Count == 0)
            {
                output.Append(" />");
                continue;
            }

            output.Append('>');
            WriteSanitized(output, node.children, parameterNames);
            output.Append("</").Append(node.name).Append('>');
        }
    }

    private static bool Contains(IReadOnlyList<string> names, string value)
    {
        foreach (string name in names)
        {
            if (string.Equals(name, value, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // Text and values never hold '&' or '<' here (the parser refuses them); '>' and, in a value, '"' are escaped as
    // XmlWriter escapes them.
    private static void AppendEscaped(StringBuilder output, string value, bool attribute)
    {
        foreach (char c in value)
        {
            switch (c)
            {
                case '&': output.Append("&amp;"); break;
                case '<': output.Append("&lt;"); break;
                case '>': output.Append("&gt;"); break;
                case '"' when attribute: output.Append("&quot;"); break;
                default: output.Append(c); break;
            }
        }
    }
}
