using System.Linq;
using Microsoft.CodeAnalysis.CSharp;

// How names from user code are written in generated code: the one copy of identifier escaping.
namespace TypedGrains.Generators;

/// <summary>Escapes names from user code so that generated code can write them.</summary>
internal static class Identifiers
{
    /// <summary>Prefixes <paramref name="name"/> with <c>@</c> when it is a keyword.</summary>
    public static string Escape(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;

    /// <summary>
    /// Escapes a name used as a type name: keywords, and names of only lower-case ASCII letters (which the compiler
    /// warns about as possible future keywords unless escaped).
    /// </summary>
    public static string EscapeTypeName(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || name.All(c => c is >= 'a' and <= 'z') ? "@" + name : name;
}
