using System;

namespace TypedGrains;

/// <summary>
/// Marks a grain method as a tick handler: timers and reminders of the grain call it, each call a turn of its own.
/// The method takes no parameters and returns <c>void</c>, <c>Task</c> or <c>ValueTask</c>; it may be private, and
/// it is not on the grain's reference. The generator gives every tick handler a typed token in the grain's nested
/// <c>Ticks</c> class (<c>Ticks.Charge</c>), which <c>StartTimer</c> and <c>RegisterReminder</c> take.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class TickAttribute : Attribute
{
}
