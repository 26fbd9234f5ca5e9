using TypedGrains.Generators.Helpers;

namespace TypedGrains.Generators.Models;

/// <summary>The grains of one assembly that its module initializer registers with <c>TypedGrains.Backend.GrainCatalog</c>.</summary>
/// <param name="Namespace">The assembly-specific namespace of the generated registration class.</param>
/// <param name="Grains">The <c>global::</c>-qualified grain classes, ordinally sorted.</param>
internal sealed record GrainCatalogModel(string Namespace, EquatableArray<string> Grains);
