using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// The XML half of <see cref="DocumentationComment"/>: comments the cheap <see cref="DocumentationFragment"/> reader
/// does not take (entities, CDATA, comments, namespaces) are read as an <c>XElement</c> and sanitized here.
/// </summary>
internal static partial class DocumentationComment
{
    /// <summary>The trimmed lines inside <paramref name="element"/>, without leading and trailing empty lines.</summary>
    private static string[] ContentLines(XElement? element, IReadOnlyList<string> parameterNames)
    {
        if (element is null)
        {
            return [];
        }

        var text = new StringBuilder();
        foreach (XNode node in Sanitize(element.Nodes(), parameterNames))
        {
            text.Append(node.ToString(SaveOptions.DisableFormatting));
        }

        return TrimmedLines(text.ToString());
    }

    private static IEnumerable<XNode> Sanitize(IEnumerable<XNode> nodes, IReadOnlyList<string> parameterNames)
    {
        foreach (XNode node in nodes)
        {
            if (node is not XElement element)
            {
                yield return node;
                continue;
            }

            string name = element.Name.LocalName;
            string? target = (string?)element.Attribute("name");
            if (name == "paramref" && target is not null && parameterNames.Contains(target.Trim().TrimStart('@'), StringComparer.Ordinal))
            {
                yield return new XElement("paramref", new XAttribute("name", target.Trim().TrimStart('@')));
                continue;
            }

            bool isReference = name is "see" or "seealso" or "paramref" or "typeparamref" || element.Attribute("cref") is not null;
            if (isReference && element.Attribute("langword") is null && element.Attribute("href") is null)
            {
                if (element.Nodes().Any())
                {
                    foreach (XNode child in Sanitize(element.Nodes(), parameterNames))
                    {
                        yield return child;
                    }
                }
                else
                {
                    string text = (string?)element.Attribute("cref") ?? target ?? string.Empty;
                    if (text.Length > 2 && text[1] == ':')
                    {
                        text = text.Substring(2);
                    }

                    yield return new XElement("c", text);
                }

                continue;
            }

            var copy = new XElement(element.Name, element.Attributes());
            copy.Add(Sanitize(element.Nodes(), parameterNames).ToArray());
            yield return copy;
        }
    }
}
