using System;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Orleans.Hosting;
using Orleans.Messaging;
using TypedGrains.Orleans.Storage.Hosting;

namespace TypedGrains.Orleans.Storage;

/// <summary>
/// Client gateway lists from TypedGrains' own membership tables: the client connects to the Active silos of its
/// cluster id and re-reads the list every <c>GatewayOptions.GatewayListRefreshPeriod</c> (one minute by default).
/// </summary>
public static class ClusteringClientBuilderExtensions
{
    /// <summary>Finds the cluster's gateways in PostgreSQL at <paramref name="connectionString"/>.</summary>
    public static IClientBuilder UseTypedGrainsPostgresClustering(this IClientBuilder builder, string connectionString) =>
        builder.UseTypedGrainsPostgresClustering(options => options.ConnectionString = connectionString);

    /// <summary>Finds the cluster's gateways in PostgreSQL, configured by <paramref name="configure"/>.</summary>
    public static IClientBuilder UseTypedGrainsPostgresClustering(this IClientBuilder builder, Action<PostgresClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.AddSingleton<IConfigurationValidator, PostgresOptionsValidator<PostgresClusteringOptions>>();
        builder.Services.AddSingleton<IGatewayListProvider>(services => TableFactory.Gateways(
            services,
            clusterId => TableFactory.PostgresMembership(TableFactory.Options<PostgresClusteringOptions>(services), clusterId)));
        return builder;
    }

    /// <summary>Finds the cluster's gateways in the SQLite file at <paramref name="databasePath"/>.</summary>
    public static IClientBuilder UseTypedGrainsSqliteClustering(this IClientBuilder builder, string databasePath) =>
        builder.UseTypedGrainsSqliteClustering(options => options.DatabasePath = databasePath);

    /// <summary>Finds the cluster's gateways in a SQLite file, configured by <paramref name="configure"/>.</summary>
    public static IClientBuilder UseTypedGrainsSqliteClustering(this IClientBuilder builder, Action<SqliteClusteringOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        builder.Services.Configure(configure);
        builder.Services.AddSingleton<IConfigurationValidator, SqliteOptionsValidator<SqliteClusteringOptions>>();
        builder.Services.AddSingleton<IGatewayListProvider>(services => TableFactory.Gateways(
            services,
            clusterId => TableFactory.SqliteMembership(TableFactory.Options<SqliteClusteringOptions>(services), clusterId)));
        return builder;
    }
}
