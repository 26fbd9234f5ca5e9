using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace TypedGrains.Generators.Models;

/// <summary>What parsing one <c>[Grain]</c> class gave: its model (none when the rules reject it), and any internal error.</summary>
/// <param name="Model">The grain's model, or <c>null</c> when it is not generated.</param>
/// <param name="Error">The unexpected exception met while parsing it, or <c>null</c>.</param>
internal sealed record GrainParseResult(GrainModel? Model, InternalErrorModel? Error);

/// <summary>An unexpected exception inside the generator, reported as TG0900 instead of skipping output silently.</summary>
/// <param name="Activity">What the generator was doing, naming the grain or type (for example <c>reading grain 'global::Cases.Counter'</c>).</param>
/// <param name="Exception">The exception type and message.</param>
/// <param name="Consequence">What is missing from the output because of it.</param>
/// <param name="Location">Where the grain is declared, or <c>null</c>.</param>
internal sealed record InternalErrorModel(string Activity, string Exception, string Consequence, LocationModel? Location)
{
    /// <summary>The error of <paramref name="exception"/> met while doing <paramref name="activity"/>.</summary>
    public static InternalErrorModel From(string activity, System.Exception exception, string consequence, LocationModel? location) =>
        new(activity, exception.GetType().FullName + ": " + exception.Message, consequence, location);
}

/// <summary>A source location as equatable data (pipeline models hold no <see cref="Microsoft.CodeAnalysis.Location"/>).</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Span">The text span.</param>
/// <param name="LineSpan">The line span.</param>
internal sealed record LocationModel(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>The location of <paramref name="symbol"/>'s first declaration in source, or <c>null</c>.</summary>
    public static LocationModel? Of(ISymbol symbol)
    {
        foreach (Location location in symbol.Locations)
        {
            if (location.IsInSource && location.SourceTree is { } tree)
            {
                return new LocationModel(tree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
            }
        }

        return null;
    }

    /// <summary>The Roslyn location.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
