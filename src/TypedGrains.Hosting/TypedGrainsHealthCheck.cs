using System;
using System.Buffers;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using TypedGrains.Persistence;
using TypedGrains.Runtime;

namespace TypedGrains.Hosting;

/// <summary>
/// Healthy when the runtime runs and every state provider answers a read of a probe grain that is never stored
/// (<c>typedgrains.health/probe</c>); unhealthy when the runtime is stopping or stopped, or a provider fails, naming it.
/// The data holds the runtime's status, its activation count, and each provider's outcome.
/// </summary>
public sealed class TypedGrainsHealthCheck : IHealthCheck
{
    private static readonly GrainId Probe = new("typedgrains.health", GrainKey.From("probe"));
    private readonly InProcessRuntime _runtime;

    /// <summary>Creates the check of <paramref name="runtime"/>.</summary>
    public TypedGrainsHealthCheck(InProcessRuntime runtime) => _runtime = runtime;

    /// <inheritdoc/>
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["status"] = _runtime.Status.ToString(),
            ["activations"] = _runtime.ActivationCount,
        };
        if (_runtime.Status != InProcessRuntimeStatus.Running)
        {
            return HealthCheckResult.Unhealthy($"The grain runtime is {_runtime.Status.ToString().ToLowerInvariant()}.", data: data);
        }

        var unreachable = new List<string>();
        Exception? firstError = null;
        foreach (var group in _runtime.Providers.GroupBy(p => p.Value, ReferenceEqualityComparer.Instance))
        {
            var names = string.Join(", ", group.Select(p => p.Key));
            try
            {
                await ((IGrainStateProvider)group.Key!).ReadAsync(Probe, ProbeCodec.Instance, cancellationToken).ConfigureAwait(false);
                data["provider " + names] = "reachable";
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                data["provider " + names] = error.Message;
                unreachable.Add(names);
                firstError ??= error;
            }
        }

        return unreachable.Count == 0
            ? HealthCheckResult.Healthy("The grain runtime runs and its state providers answer.", data)
            : HealthCheckResult.Unhealthy($"State provider(s) not reachable: {string.Join("; ", unreachable)}.", firstError, data);
    }

    /// <summary>The probe is never stored, so its codec never runs; it refuses to, to say so.</summary>
    private sealed class ProbeCodec : IStateCodec
    {
        public static readonly ProbeCodec Instance = new();

        public void Write(object? state, IBufferWriter<byte> output) => throw new NotSupportedException("The health probe writes nothing.");

        public object? Read(ReadOnlySequence<byte> input) => null;
    }
}
