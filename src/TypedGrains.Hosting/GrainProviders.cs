using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Options;
using TypedGrains.Persistence;
using TypedGrains.Runtime;

namespace TypedGrains.Hosting;

/// <summary>
/// Creates the configured state providers once, and disposes those it created after the runtime (which the container
/// creates later, so disposes first) has stopped.
/// </summary>
internal sealed class GrainProviders : IAsyncDisposable
{
    private readonly List<IGrainStateProvider> _created = new();

    public GrainProviders(IServiceProvider services, IOptions<TypedGrainsOptions> options, TypedGrainsRegistry registry)
    {
        var settings = options.Value;
        foreach (var (name, provider) in settings.Providers)
        {
            Named[name] = Create(services, registry, provider);
        }

        foreach (var (name, factory) in registry.NamedProviders)
        {
            if (!Named.ContainsKey(name))
            {
                Named[name] = Own(factory(services));
            }
        }

        Default = settings.DefaultProvider is { } fallback ? Named[fallback] : Own(new MemoryGrainStateProvider());
    }

    public IGrainStateProvider Default { get; }

    public Dictionary<string, IGrainStateProvider> Named { get; } = new(StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        foreach (var provider in _created)
        {
            switch (provider)
            {
                case IAsyncDisposable asynchronous:
                    await asynchronous.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable synchronous:
                    synchronous.Dispose();
                    break;
            }
        }
    }

    private IGrainStateProvider Create(IServiceProvider services, TypedGrainsRegistry registry, GrainStateProviderOptions settings) =>
        settings.Kind == ProviderKinds.Memory
            ? Own(new MemoryGrainStateProvider())
            : Own(registry.Kinds[settings.Kind!](services, settings.ConnectionString!));

    private IGrainStateProvider Own(IGrainStateProvider provider)
    {
        _created.Add(provider);
        return provider;
    }
}
