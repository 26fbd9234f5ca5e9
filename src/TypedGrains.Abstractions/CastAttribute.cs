using System;

namespace TypedGrains;

/// <summary>
/// Marks a grain method as a one-way handler: the typed reference method returns <c>void</c>
/// and the sender never waits for it to run.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CastAttribute : Attribute
{
}
