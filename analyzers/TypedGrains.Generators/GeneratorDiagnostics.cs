using Microsoft.CodeAnalysis;
using TypedGrains.Generators.Models;

namespace TypedGrains.Generators;

/// <summary>
/// The one diagnostic the generator reports itself: TG0900, an unexpected exception (a generator bug). Every other
/// rule is validated by the analyzers; the generator only skips what they reject.
/// </summary>
internal static class GeneratorDiagnostics
{
    /// <summary>The id of the internal-error diagnostic.</summary>
    public const string InternalErrorId = "TG0900";

    /// <summary>TG0900: the generator met an unexpected exception; the message names the grain (or type) and the exception.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        InternalErrorId,
        "TypedGrains generator internal error",
        "The TypedGrains generator failed while {0}: {1}; {2}",
        "TypedGrains.Generator",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An exception the generator did not expect (a bug in TypedGrains, not in the grain) stopped it while generating the named grain or type. The generator never throws to the compiler and never skips a grain silently: it reports this error and leaves the rest of the output as complete as it can. Please report it with the grain's declaration.",
        helpLinkUri: "docs/diagnostics.md#tg0900");

    /// <summary>The diagnostic of <paramref name="error"/>.</summary>
    public static Diagnostic Create(InternalErrorModel error) =>
        Diagnostic.Create(InternalError, error.Location?.ToLocation() ?? Location.None, error.Activity, error.Exception, error.Consequence);
}
