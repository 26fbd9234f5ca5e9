namespace TypedGrains.Generators.Models;

/// <summary>The generated <c>InitialState</c> override of a grain whose state type can be created without arguments.</summary>
/// <param name="PropertyType">The state type as the overridden property declares it (with nullable annotation).</param>
/// <param name="ConstructedType">The state type as written after <c>new</c>.</param>
internal sealed record InitialStateModel(string PropertyType, string ConstructedType);
