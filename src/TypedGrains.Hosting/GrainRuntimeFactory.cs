using System;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Runtime;

namespace TypedGrains.Hosting;

/// <summary>Builds the host's <see cref="InProcessRuntime"/> from the options, the builder's declarations and the host's services.</summary>
internal static class GrainRuntimeFactory
{
    public static InProcessRuntime Create(IServiceProvider services)
    {
        var settings = services.GetRequiredService<IOptions<TypedGrainsOptions>>().Value;
        var registry = services.GetRequiredService<TypedGrainsRegistry>();
        var providers = services.GetRequiredService<GrainProviders>();
        var options = new InProcessRuntimeOptions
        {
            DefaultProvider = providers.Default,
            LoggerFactory = services.GetService<ILoggerFactory>(),
            MeterFactory = services.GetService<IMeterFactory>(),
            TimeProvider = services.GetService<TimeProvider>() ?? TimeProvider.System,
            Services = services,
            IsService = services.GetService<IServiceProviderIsService>() is { } query ? query.IsService : null,
        };
        if (providers.Default is SqliteGrainStateProvider sqlite)
        {
            // Durable reminders live with the default state: its SQLite file (table grain_reminder). Any other default
            // keeps them in memory unless ConfigureRuntime sets InProcessRuntimeOptions.ReminderTable.
            options.ReminderTable = new SqliteReminderTable(sqlite.DatabasePath);
        }

        foreach (var (name, provider) in providers.Named)
        {
            options.Providers[name] = provider;
        }

        options.CallTimeout = settings.CallTimeout ?? options.CallTimeout;
        options.StopTimeout = settings.StopTimeout ?? options.StopTimeout;
        options.IdleCollectionAge = settings.IdleCollectionAge ?? options.IdleCollectionAge;
        options.TurnBudget = settings.TurnBudget ?? options.TurnBudget;
        options.MaxMailboxLength = settings.MaxMailboxLength ?? options.MaxMailboxLength;
        options.RunCallsInline = settings.RunCallsInline ?? options.RunCallsInline;
        foreach (var grain in registry.Grains)
        {
            grain(options);
        }

        foreach (var configure in registry.RuntimeOptions)
        {
            configure(options);
        }

        // Checks the options and that every declared grain's provider is registered (the message names both).
        return new InProcessRuntime(options);
    }
}
