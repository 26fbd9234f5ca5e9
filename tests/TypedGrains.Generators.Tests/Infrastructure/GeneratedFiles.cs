using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators.Tests.Infrastructure;

/// <summary>Tells the per-grain files apart from the MessagePack formatter files the generator also emits.</summary>
internal static class GeneratedFiles
{
    public const string FormatterPrefix = "TypedGrains.MessagePack.";

    public static bool IsFormatterFile(string hintName) => hintName.StartsWith(FormatterPrefix, StringComparison.Ordinal);

    /// <summary>The per-grain files only.</summary>
    public static GeneratedSourceResult[] GrainFiles(this ImmutableArray<GeneratedSourceResult> sources) =>
        sources.Where(s => !IsFormatterFile(s.HintName)).ToArray();
}
