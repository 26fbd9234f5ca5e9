using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TypedGrains.Hosting;
using TypedGrains.Runtime;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers TypedGrains on a service collection.</summary>
public static class TypedGrainsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the in-process grain runtime: <see cref="InProcessRuntime"/>, <see cref="TypedGrains.IGrainFactory"/> and
    /// <see cref="TypedGrains.IGrainRuntime"/> as singletons, started and stopped by the host; options bound from the
    /// <c>TypedGrains</c> configuration section and validated at start. May be called more than once; the
    /// declarations add up.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <param name="configure">Declares grains and providers, e.g. <c>b =&gt; b.AddGrain&lt;Counter&gt;().UseSqlite("Data Source=counter.db")</c>.</param>
    /// <returns><paramref name="services"/>.</returns>
    public static IServiceCollection AddTypedGrains(this IServiceCollection services, Action<TypedGrainsBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var registry = services.FirstOrDefault(d => d.ServiceType == typeof(TypedGrainsRegistry))?.ImplementationInstance as TypedGrainsRegistry;
        if (registry is null)
        {
            registry = new TypedGrainsRegistry();
            services.AddSingleton(registry);

            // The builders' settings first (every call's, read when the options are built), then the configuration.
            var declared = registry;
            services.AddOptions<TypedGrainsOptions>()
                .Configure(options => declared.Options.ForEach(apply => apply(options)))
                .BindConfiguration(TypedGrainsOptions.SectionName)
                .ValidateOnStart();
            services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TypedGrainsOptions>, TypedGrainsOptionsValidator>());
            services.AddSingleton<GrainProviders>();
            services.AddSingleton(GrainRuntimeFactory.Create);
            services.AddSingleton<TypedGrains.IGrainFactory>(static sp => sp.GetRequiredService<InProcessRuntime>());
            services.AddSingleton<TypedGrains.IGrainRuntime>(static sp => sp.GetRequiredService<InProcessRuntime>());
            services.AddHostedService<GrainRuntimeHostedService>();
        }

        configure?.Invoke(new TypedGrainsBuilder(services, registry));
        return services;
    }
}
