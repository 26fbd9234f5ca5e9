namespace TypedGrains.Generators.Models;

/// <summary>One type a grain is nested in, as needed to reopen it as a <c>partial</c> declaration.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>interface</c>, <c>record</c> or <c>record struct</c>.</param>
/// <param name="Name">The type name, escaped as an identifier.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
