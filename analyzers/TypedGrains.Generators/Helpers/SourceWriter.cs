using System;
using System.Text;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// A small indented text writer over a <see cref="StringBuilder"/>. It always writes <c>\n</c> line ends and never
/// leaves trailing whitespace, so the output is identical on every platform.
/// </summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;
    private readonly StringBuilder _builder = new();
    private int _indentation;

    /// <summary>The current indentation level.</summary>
    public int Indentation
    {
        get => _indentation;
        set
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(value));
            }

            _indentation = value;
        }
    }

    /// <summary>Writes an empty line.</summary>
    public void WriteLine() => _builder.Append('\n');

    /// <summary>Writes <paramref name="text"/> at the current indentation; embedded line breaks are indented too.</summary>
    public void WriteLine(string text)
    {
        int start = 0;
        while (true)
        {
            int end = text.IndexOf('\n', start);
            string line = end < 0 ? text.Substring(start) : text.Substring(start, end - start);
            WriteSingleLine(line.TrimEnd('\r'));
            if (end < 0)
            {
                return;
            }

            start = end + 1;
        }
    }

    /// <summary>Writes <paramref name="text"/> and an opening brace, then indents.</summary>
    public void OpenBlock(string text)
    {
        WriteLine(text);
        OpenBlock();
    }

    /// <summary>Writes an opening brace and indents.</summary>
    public void OpenBlock()
    {
        WriteLine("{");
        _indentation++;
    }

    /// <summary>Unindents and writes a closing brace.</summary>
    public void CloseBlock()
    {
        Indentation--;
        WriteLine("}");
    }

    /// <summary>The text written so far.</summary>
    public override string ToString() => _builder.ToString();

    private void WriteSingleLine(string line)
    {
        string trimmed = line.TrimEnd(' ', '\t');
        if (trimmed.Length > 0)
        {
            _builder.Append(' ', _indentation * IndentSize);
            _builder.Append(trimmed);
        }

        _builder.Append('\n');
    }
}
