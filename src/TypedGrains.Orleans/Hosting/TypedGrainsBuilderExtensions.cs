using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Configuration;
using Orleans.Hosting;

namespace TypedGrains.Orleans.Hosting;

/// <summary>Hosts TypedGrains grains in an Orleans silo, and lets silos and clients call them.</summary>
public static class TypedGrainsBuilderExtensions
{
    /// <summary>
    /// Hosts TypedGrains grains in this silo: every grain of the loaded assemblies (the generated catalog) runs in an
    /// Orleans host grain, and <see cref="TypedGrains.IGrainFactory"/> (the silo's <see cref="OrleansGrainRuntime"/>) is
    /// registered for injection. A user's grain project needs only the TypedGrains package.
    /// </summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in the type of a required parameter, so leaving the optional one out never makes a call ambiguous.")]
    public static ISiloBuilder AddTypedGrains(this ISiloBuilder builder, Action<OrleansGrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = AddRuntime(builder.Services, configure);
        builder.Configure<SiloMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout);
        if (options.StronglyConsistentDirectory)
        {
#pragma warning disable ORLEANSEXP003 // Orleans marks its distributed grain directory experimental; the option says so.
            builder.AddDistributedGrainDirectory();
#pragma warning restore ORLEANSEXP003
        }

        return builder;
    }

    /// <summary>Lets an Orleans client call TypedGrains grains through <see cref="TypedGrains.IGrainFactory"/>.</summary>
    [SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in the type of a required parameter, so leaving the optional one out never makes a call ambiguous.")]
    public static IClientBuilder AddTypedGrains(this IClientBuilder builder, Action<OrleansGrainRuntimeOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = AddRuntime(builder.Services, configure);
        builder.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = options.CallTimeout);
        return builder;
    }

    private static OrleansGrainRuntimeOptions AddRuntime(IServiceCollection services, Action<OrleansGrainRuntimeOptions>? configure)
    {
        var options = new OrleansGrainRuntimeOptions();
        configure?.Invoke(options);
        options.Validate();
        services.TryAddSingleton(options);
        services.TryAddSingleton(sp => new OrleansGrainRuntime(sp.GetRequiredService<global::Orleans.IGrainFactory>(), sp.GetRequiredService<OrleansGrainRuntimeOptions>())
        {
            // Orleans' reminder table, where a silo runs the reminder service: what GetRemindersAsync reads.
            ReminderTable = () => sp.GetService<global::Orleans.IReminderTable>(),
        });
        services.TryAddSingleton<TypedGrains.IGrainFactory>(sp => sp.GetRequiredService<OrleansGrainRuntime>());
        services.TryAddSingleton<IGrainRuntime>(sp => sp.GetRequiredService<OrleansGrainRuntime>());
        return options;
    }
}
