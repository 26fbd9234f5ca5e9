namespace TypedGrains.Generators.Models;

/// <summary>One handler parameter.</summary>
/// <param name="Name">The parameter name, escaped as an identifier.</param>
/// <param name="Type">The <c>global::</c>-qualified parameter type with nullable annotations.</param>
internal sealed record ParameterModel(string Name, string Type);
