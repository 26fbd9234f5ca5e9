using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;

namespace TypedGrains.Runtime;

/// <summary>Where the runtime logs and measures.</summary>
public sealed partial class InProcessRuntimeOptions
{
    /// <summary>
    /// Creates the runtime's logger (category <c>TypedGrains.Runtime</c>); <c>null</c>, the default, logs nothing.
    /// The events and their ids are listed in docs/observability.md.
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>
    /// Whether each turn runs inside a log scope carrying <c>GrainId</c> and <c>GrainType</c> (only with a
    /// <see cref="LoggerFactory"/>). A scope costs the logger factory an allocation per turn. Default: <c>true</c>.
    /// </summary>
    public bool LogScopes { get; set; } = true;

    /// <summary>
    /// Creates the runtime's <see cref="Meter"/> (named <see cref="GrainInstrumentation.Name"/>); a host passes its
    /// own. <c>null</c>, the default: the runtime creates the meter itself and disposes it when it stops.
    /// </summary>
    public IMeterFactory? MeterFactory { get; set; }
}
