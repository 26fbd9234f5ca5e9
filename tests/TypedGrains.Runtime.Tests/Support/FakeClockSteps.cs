using System;
using Microsoft.Extensions.Time.Testing;

namespace TypedGrains.Runtime.Tests.Support;

/// <summary>Moves a <see cref="FakeTimeProvider"/> forward the way real time passes for periodic work.</summary>
public static class FakeClockSteps
{
    /// <summary>
    /// Advances <paramref name="clock"/> by <paramref name="by"/> in steps of <paramref name="step"/>. One
    /// <see cref="FakeTimeProvider.Advance(TimeSpan)"/> fires every timer due on the way, but each callback reads the
    /// clock at its end (Microsoft.Extensions.TimeProvider.Testing 10.11), so a periodic pass that measures time since
    /// an earlier pass, like the idle collector, would see none pass; small steps give each pass its own time.
    /// </summary>
    public static void AdvanceInSteps(this FakeTimeProvider clock, TimeSpan by, TimeSpan step)
    {
        for (var moved = TimeSpan.Zero; moved < by; moved += step)
        {
            clock.Advance(step < by - moved ? step : by - moved);
        }
    }
}
