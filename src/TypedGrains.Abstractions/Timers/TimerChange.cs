using System;
using System.Threading;

namespace TypedGrains;

/// <summary>A timer action of a turn: start (or restart) the timer of a tick handler, or stop it.</summary>
/// <param name="Handler">The tick handler the timer calls; one timer per handler and activation.</param>
/// <param name="IsStart">Whether the timer starts (<c>false</c>: it stops).</param>
/// <param name="DueTime">How long after the turn commits the first tick comes.</param>
/// <param name="Period">
/// The time from the end of one tick's turn to the next tick; <see cref="Timeout.InfiniteTimeSpan"/> for one tick only.
/// </param>
/// <param name="KeepAlive">Whether the timer's ticks count as activity that keeps the activation from idle collection.</param>
public sealed record TimerChange(TickHandler Handler, bool IsStart, TimeSpan DueTime, TimeSpan Period, bool KeepAlive);
