using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.RegularExpressions;
using Xunit.Sdk;

namespace TypedGrains.Generators.Tests.Infrastructure;

/// <summary>
/// A small snapshot helper: compares generated text with <c>Snapshots/&lt;test&gt;.&lt;hint&gt;.verified.cs</c>.
/// On a mismatch it writes <c>*.received.cs</c> beside it and fails with a line diff; with
/// <c>TYPEDGRAINS_ACCEPT_SNAPSHOTS=1</c> it overwrites the verified file instead.
/// </summary>
internal static partial class Snapshot
{
    public const string AcceptVariable = "TYPEDGRAINS_ACCEPT_SNAPSHOTS";
    private const int ContextLines = 3;
    private const int MaxDiffLines = 12;

    public static void Verify(string testName, string hintName, string actual, [CallerFilePath] string callerPath = "")
    {
        string directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        string stem = testName + "." + (hintName.EndsWith(".cs", StringComparison.Ordinal) ? hintName[..^3] : hintName);
        string verifiedPath = Path.Combine(directory, stem + ".verified.cs");
        string receivedPath = Path.Combine(directory, stem + ".received.cs");
        string scrubbed = Scrub(actual);

        if (string.Equals(Environment.GetEnvironmentVariable(AcceptVariable), "1", StringComparison.Ordinal))
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(verifiedPath, scrubbed, new UTF8Encoding(false));
            File.Delete(receivedPath);
            return;
        }

        string? verified = File.Exists(verifiedPath) ? Normalize(File.ReadAllText(verifiedPath)) : null;
        if (string.Equals(verified, scrubbed, StringComparison.Ordinal))
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, scrubbed, new UTF8Encoding(false));
        string message = verified is null
            ? $"No verified snapshot {verifiedPath}; wrote {receivedPath}."
            : $"Snapshot {verifiedPath} differs; wrote {receivedPath}.\n{Diff(verified, scrubbed)}";
        throw new XunitException(message + $"\nRun with {AcceptVariable}=1 to accept the received text.");
    }

    /// <summary>Normalizes line ends and the byte order mark, and replaces the generator version with a placeholder.</summary>
    public static string Scrub(string text) =>
        VersionPattern().Replace(Normalize(text), "GeneratedCode(\"TypedGrains.Generators\", \"{version}\")");

    /// <summary>A readable diff of the first differing lines, with a few lines of context.</summary>
    public static string Diff(string expected, string actual)
    {
        string[] left = expected.Split('\n');
        string[] right = actual.Split('\n');
        int first = 0;
        while (first < left.Length && first < right.Length && string.Equals(left[first], right[first], StringComparison.Ordinal))
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.Append("First difference at line ").Append(first + 1).Append(":\n");
        for (int i = Math.Max(0, first - ContextLines); i < first; i++)
        {
            builder.Append("  ").Append(left[i]).Append('\n');
        }

        int shown = 0;
        for (int i = first; i < left.Length && shown < MaxDiffLines; i++, shown++)
        {
            if (i < right.Length && string.Equals(left[i], right[i], StringComparison.Ordinal))
            {
                break;
            }

            builder.Append("- ").Append(left[i]).Append('\n');
        }

        shown = 0;
        for (int i = first; i < right.Length && shown < MaxDiffLines; i++, shown++)
        {
            if (i < left.Length && string.Equals(left[i], right[i], StringComparison.Ordinal))
            {
                break;
            }

            builder.Append("+ ").Append(right[i]).Append('\n');
        }

        return builder.ToString();
    }

    private static string Normalize(string text) => text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string FindProjectDirectory(string callerPath)
    {
        for (DirectoryInfo? directory = new(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TypedGrains.Generators.Tests.csproj")))
            {
                return directory.FullName;
            }
        }

        // Fall back to the source location of the caller (Infrastructure/ is one level below the project).
        return Path.GetDirectoryName(Path.GetDirectoryName(callerPath))!;
    }

    [GeneratedRegex("GeneratedCode\\(\"TypedGrains\\.Generators\", \"[^\"]*\"\\)")]
    private static partial Regex VersionPattern();
}
