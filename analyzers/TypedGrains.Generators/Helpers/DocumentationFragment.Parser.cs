using System;
using System.Collections.Generic;

namespace TypedGrains.Generators.Helpers;

/// <summary>The parsing half of <see cref="DocumentationFragment"/>: elements, attributes, names and text, by position in the comment.</summary>
internal sealed partial class DocumentationFragment
{
    private static bool ParseContent(string s, ref int position, string? parent, List<DocumentationFragment> nodes, int depth)
    {
        while (position < s.Length)
        {
            char c = s[position];
            if (c == '&')
            {
                return false;
            }

            if (c != '<')
            {
                int start = position;
                while (position < s.Length && s[position] is not ('<' or '&'))
                {
                    position++;
                }

                string value = s.Substring(start, position - start);
                if (value.IndexOf("]]>", StringComparison.Ordinal) >= 0)
                {
                    return false;
                }

                nodes.Add(new DocumentationFragment(value, string.Empty, [], []));
                continue;
            }

            position++;
            if (position < s.Length && s[position] == '/')
            {
                position++;
                if (parent is null || ReadName(s, ref position) != parent)
                {
                    return false;
                }

                SkipSpace(s, ref position);
                if (position >= s.Length || s[position] != '>')
                {
                    return false;
                }

                position++;
                return true;
            }

            if (depth >= MaxDepth || ReadName(s, ref position) is not { } elementName)
            {
                return false;
            }

            var attributes = new List<(string Name, string Value)>();
            var children = new List<DocumentationFragment>();
            while (true)
            {
                bool spaced = SkipSpace(s, ref position);
                if (position >= s.Length)
                {
                    return false;
                }

                if (s[position] == '>')
                {
                    position++;
                    if (!ParseContent(s, ref position, elementName, children, depth + 1))
                    {
                        return false;
                    }

                    break;
                }

                if (s[position] == '/')
                {
                    if (position + 1 >= s.Length || s[position + 1] != '>')
                    {
                        return false;
                    }

                    position += 2;
                    break;
                }

                if (!spaced || !ReadAttribute(s, ref position, attributes))
                {
                    return false;
                }
            }

            nodes.Add(new DocumentationFragment(null, elementName, attributes, children));
        }

        return parent is null;
    }

    private static bool ReadAttribute(string s, ref int position, List<(string Name, string Value)> attributes)
    {
        if (ReadName(s, ref position) is not { } attributeName)
        {
            return false;
        }

        SkipSpace(s, ref position);
        if (position >= s.Length || s[position] != '=')
        {
            return false;
        }

        position++;
        SkipSpace(s, ref position);
        if (position >= s.Length || s[position] is not ('"' or '\'') )
        {
            return false;
        }

        char quote = s[position++];
        int start = position;
        while (position < s.Length && s[position] != quote)
        {
            if (s[position] is '<' or '&')
            {
                return false;
            }

            position++;
        }

        if (position >= s.Length)
        {
            return false;
        }

        // XML normalizes a tab or line feed in a value to a space.
        string value = s.Substring(start, position - start).Replace('\t', ' ').Replace('\n', ' ');
        position++;
        foreach ((string Name, string Value) existing in attributes)
        {
            if (existing.Name == attributeName)
            {
                return false;
            }
        }

        attributes.Add((attributeName, value));
        return true;
    }

    // Only ASCII names, and none starting with "xml" (reserved; namespaces): anything else goes to the XML reader.
    private static string? ReadName(string s, ref int position)
    {
        int start = position;
        if (position >= s.Length || !(char.IsLetter(s[position]) && s[position] < 128 || s[position] == '_'))
        {
            return null;
        }

        position++;
        while (position < s.Length && s[position] < 128 && (char.IsLetterOrDigit(s[position]) || s[position] is '_' or '-' or '.'))
        {
            position++;
        }

        string name = s.Substring(start, position - start);
        return name.StartsWith("xml", StringComparison.OrdinalIgnoreCase) ? null : name;
    }

    private static bool SkipSpace(string s, ref int position)
    {
        int start = position;
        while (position < s.Length && s[position] is ' ' or '\t' or '\n')
        {
            position++;
        }

        return position > start;
    }
}
