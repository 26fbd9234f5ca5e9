using System;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace TypedGrains.Generators.Tests.Infrastructure;

/// <summary>
/// Tells the per-grain files apart from the files the generator emits once per assembly: the MessagePack formatters,
/// their registration, and the grain catalog registration.
/// </summary>
internal static class GeneratedFiles
{
    public const string FormatterPrefix = "TypedGrains.MessagePack.";

    public const string CatalogFile = "TypedGrains.GrainCatalog.g.cs";

    public static bool IsAssemblyFile(string hintName) =>
        hintName.StartsWith(FormatterPrefix, StringComparison.Ordinal) || string.Equals(hintName, CatalogFile, StringComparison.Ordinal);

    /// <summary>The per-grain files only.</summary>
    public static GeneratedSourceResult[] GrainFiles(this ImmutableArray<GeneratedSourceResult> sources) =>
        sources.Where(s => !IsAssemblyFile(s.HintName)).ToArray();
}
