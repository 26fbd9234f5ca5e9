using System;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using TypedGrains.Orleans.Storage.Hosting;

namespace TypedGrains.Orleans.Storage;

/// <summary>Durable reminders (Orleans' reminder service) on TypedGrains' own tables, scoped by service id.</summary>
public static class ReminderSiloBuilderExtensions
{
    /// <summary>Adds Orleans' reminder service, its table in PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static ISiloBuilder UseTypedGrainsPostgresReminders(this ISiloBuilder builder, string connectionString) =>
        builder.UseTypedGrainsPostgresReminders(options => options.ConnectionString = connectionString);

    /// <summary>Adds Orleans' reminder service, its table in PostgreSQL, configured by <paramref name="configure"/>.</summary>
    public static ISiloBuilder UseTypedGrainsPostgresReminders(this ISiloBuilder builder, Action<PostgresReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddReminders();
        builder.Services.Configure(configure);
        builder.Services.AddSingleton<IConfigurationValidator, PostgresOptionsValidator<PostgresReminderOptions>>();
        builder.Services.AddSingleton<IReminderTable>(services =>
            TableFactory.PostgresReminders(TableFactory.Options<PostgresReminderOptions>(services), TableFactory.ServiceId(services)));
        return builder;
    }

    /// <summary>Adds Orleans' reminder service, its table in the SQLite file at <paramref name="databasePath"/>.</summary>
    public static ISiloBuilder UseTypedGrainsSqliteReminders(this ISiloBuilder builder, string databasePath) =>
        builder.UseTypedGrainsSqliteReminders(options => options.DatabasePath = databasePath);

    /// <summary>Adds Orleans' reminder service, its table in a SQLite file, configured by <paramref name="configure"/>.</summary>
    public static ISiloBuilder UseTypedGrainsSqliteReminders(this ISiloBuilder builder, Action<SqliteReminderOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.AddReminders();
        builder.Services.Configure(configure);
        builder.Services.AddSingleton<IConfigurationValidator, SqliteOptionsValidator<SqliteReminderOptions>>();
        builder.Services.AddSingleton<IReminderTable>(services =>
            TableFactory.SqliteReminders(TableFactory.Options<SqliteReminderOptions>(services), TableFactory.ServiceId(services)));
        return builder;
    }
}
