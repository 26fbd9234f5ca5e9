namespace TypedGrains.Generators.Models;

/// <summary>One valid <c>[Tick]</c> handler of a grain.</summary>
/// <param name="Name">The method name escaped as a type name (the request struct name).</param>
/// <param name="PropertyName">The method name escaped as an identifier (the token property name).</param>
/// <param name="MethodName">The method name as written.</param>
/// <param name="MethodId">The stable method id.</param>
/// <param name="Return">How the handler returns (void, Task or ValueTask).</param>
internal sealed record TickModel(string Name, string PropertyName, string MethodName, uint MethodId, HandlerReturnKind Return);
