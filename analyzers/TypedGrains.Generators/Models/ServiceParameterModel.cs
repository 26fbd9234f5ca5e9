namespace TypedGrains.Generators.Models;

/// <summary>One parameter of a grain's constructor, resolved from the services when the grain is created.</summary>
/// <param name="Name">The parameter name as written (for messages).</param>
/// <param name="Type">The <c>global::</c>-qualified parameter type without nullable annotation.</param>
/// <param name="IsOptional">Whether the parameter is nullable or has a default value: a missing service then gives that value.</param>
/// <param name="DefaultValue">
/// The declared default value as C# (<see cref="Helpers.DefaultValueLiteral"/>), what a missing service gives; <c>null</c>
/// when there is none or it cannot be written, and a missing service gives <c>default</c>.
/// </param>
internal sealed record ServiceParameterModel(string Name, string Type, bool IsOptional, string? DefaultValue);
