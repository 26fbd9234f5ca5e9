namespace TypedGrains.Generators.Models;

/// <summary>One handler parameter.</summary>
/// <param name="Name">The parameter name, escaped as an identifier.</param>
/// <param name="Type">The <c>global::</c>-qualified parameter type with nullable annotations.</param>
/// <param name="DefaultValue">The parameter's default value as a C# expression, or <c>null</c> when it has none.</param>
internal sealed record ParameterModel(string Name, string Type, string? DefaultValue);
