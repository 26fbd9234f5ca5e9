using System;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using TypedGrains.Orleans.Storage.Hosting;

namespace TypedGrains.Orleans.Storage;

/// <summary>Silo membership on TypedGrains' own tables: PostgreSQL for servers, a SQLite file for one machine.</summary>
public static class ClusteringSiloBuilderExtensions
{
    /// <summary>Keeps the cluster's membership in PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static ISiloBuilder UseTypedGrainsPostgresClustering(this ISiloBuilder builder, string connectionString) =>
        builder.UseTypedGrainsPostgresClustering(options => options.ConnectionString = connectionString);

    /// <summary>Keeps the cluster's membership in PostgreSQL, configured by <paramref name="configure"/>.</summary>
    public static ISiloBuilder UseTypedGrainsPostgresClustering(this ISiloBuilder builder, Action<PostgresClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.AddSingleton<IConfigurationValidator, PostgresOptionsValidator<PostgresClusteringOptions>>();
        builder.Services.AddSingleton<IMembershipTable>(services =>
            TableFactory.PostgresMembership(TableFactory.Options<PostgresClusteringOptions>(services), TableFactory.ClusterId(services)));
        return builder;
    }

    /// <summary>Keeps the cluster's membership in the SQLite file at <paramref name="databasePath"/>.</summary>
    public static ISiloBuilder UseTypedGrainsSqliteClustering(this ISiloBuilder builder, string databasePath) =>
        builder.UseTypedGrainsSqliteClustering(options => options.DatabasePath = databasePath);

    /// <summary>Keeps the cluster's membership in a SQLite file, configured by <paramref name="configure"/>.</summary>
    public static ISiloBuilder UseTypedGrainsSqliteClustering(this ISiloBuilder builder, Action<SqliteClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.AddSingleton<IConfigurationValidator, SqliteOptionsValidator<SqliteClusteringOptions>>();
        builder.Services.AddSingleton<IMembershipTable>(services =>
            TableFactory.SqliteMembership(TableFactory.Options<SqliteClusteringOptions>(services), TableFactory.ClusterId(services)));
        return builder;
    }
}
