using System;

namespace TypedGrains;

/// <summary>A reminder action of a turn: register (or re-register) the durable reminder of a tick handler, or unregister it.</summary>
/// <param name="Handler">The tick handler the reminder calls; one reminder per handler and grain.</param>
/// <param name="IsRegister">Whether the reminder is registered (<c>false</c>: unregistered).</param>
/// <param name="DueTime">How long after the turn commits the first tick is due.</param>
/// <param name="Period">The time between due ticks.</param>
public sealed record ReminderChange(TickHandler Handler, bool IsRegister, TimeSpan DueTime, TimeSpan Period);
