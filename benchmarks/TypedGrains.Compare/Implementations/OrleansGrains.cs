using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using Orleans.Runtime;
using TypedGrains.Compare.Workloads;
using TypedGrains.Tests.Shared;

namespace TypedGrains.Compare.Implementations;

/// <summary>
/// Microsoft Orleans: one silo in this process with localhost clustering, called through the silo's own
/// <see cref="global::Orleans.IGrainFactory"/> (the co-hosted client, no network hop); calls await a
/// <c>Task&lt;long&gt;</c> grain method, casts are a <c>[OneWay]</c> method.
/// </summary>
internal sealed class OrleansGrains : IActorImplementation
{
    /// <summary>Distance between the key ranges of successive resets (every workload's keys are far below it).</summary>
    private const long KeySpace = 1L << 40;

    private readonly IHost _silo;
    private readonly global::Orleans.IGrainFactory _grains;
    private long _keyBase;

    private OrleansGrains(IHost silo)
    {
        _silo = silo;
        _grains = silo.Services.GetRequiredService<global::Orleans.IGrainFactory>();
    }

    public string Name => "orleans";

    /// <summary>Starts the silo.</summary>
    public static async Task<OrleansGrains> StartAsync()
    {
        var ports = FreePorts.Take(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo.UseLocalhostClustering(ports[0], ports[1]));
        var host = builder.Build();
        await host.StartAsync();
        return new OrleansGrains(host);
    }

    public ValueTask<long> AddAsync(long key, int amount) => new(Grain(key).Add(amount));

    public void Increment(long key) => _ = Grain(key).Increment();

    public ValueTask<long> GetAsync(long key) => new(Grain(key).Get());

    /// <summary>
    /// Deactivates every idle grain (the management grain's forced collection) and moves to a fresh key range, so the
    /// next phase activates new grains. The silo, its caches and the JIT's work stay warm.
    /// </summary>
    public async ValueTask ResetAsync()
    {
        var management = _grains.GetGrain<IManagementGrain>(0);
        await management.ForceActivationCollection(TimeSpan.Zero);
        _keyBase += KeySpace;
    }

    /// <summary>
    /// An Orleans activation costs several KiB and activates at tens of thousands per second on this machine: the
    /// activations workload activates a tenth as many grains as the others (said in the results).
    /// </summary>
    public Scale Scaled(Scale scale) => scale with { Activations = scale.Activations / 10 };

    public async ValueTask DisposeAsync()
    {
        await _silo.StopAsync();
        _silo.Dispose();
    }

    private IOrleansCounterGrain Grain(long key) => _grains.GetGrain<IOrleansCounterGrain>(_keyBase + key);
}
