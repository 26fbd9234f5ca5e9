using System.Collections.Generic;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TypedGrains.Hosting;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the TypedGrains health check.</summary>
public static class TypedGrainsHealthCheckExtensions
{
    /// <summary>
    /// Adds <see cref="TypedGrainsHealthCheck"/> as <paramref name="name"/>: the runtime's status and whether each state
    /// provider is reachable.
    /// </summary>
    public static IHealthChecksBuilder AddTypedGrains(this IHealthChecksBuilder builder, string name = "typedgrains", IEnumerable<string>? tags = null) =>
        builder.AddCheck<TypedGrainsHealthCheck>(name, HealthStatus.Unhealthy, tags ?? []);
}
