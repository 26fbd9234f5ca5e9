using TypedGrains.Generators.Helpers;

namespace TypedGrains.Generators.Models;

/// <summary>The documentation a handler's generated reference method copies from the handler's doc comment.</summary>
/// <param name="Summary">The lines inside the handler's <c>&lt;summary&gt;</c>, empty when it has none.</param>
/// <param name="Tags">
/// The doc comment lines that follow the summary, without the <c>///</c> marker: a <c>&lt;param&gt;</c> for each
/// parameter of the reference method, in order (the handler's own, or a plain description for those it leaves out;
/// none at all when it documents none), and the <c>&lt;returns&gt;</c> of a handler that replies.
/// </param>
internal sealed record DocumentationModel(EquatableArray<string> Summary, EquatableArray<string> Tags)
{
    /// <summary>No documentation.</summary>
    public static DocumentationModel Empty { get; } = new(EquatableArray<string>.Empty, EquatableArray<string>.Empty);

    /// <summary>Whether there is nothing to copy.</summary>
    public bool IsEmpty => Summary.IsEmpty && Tags.IsEmpty;
}
