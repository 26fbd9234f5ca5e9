using System;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Reminders;
using TypedGrains.Orleans.Storage.Stores;

namespace TypedGrains.Orleans.Storage.Hosting;

/// <summary>Builds the tables from the options in a service provider, validating them first.</summary>
internal static class TableFactory
{
    public static MembershipTable PostgresMembership(PostgresTableOptions options, string clusterId)
    {
        options.Validate();
        return new MembershipTable(new PostgresStore(options.ConnectionString!), PostgresSchemas.Membership, clusterId);
    }

    public static MembershipTable SqliteMembership(SqliteTableOptions options, string clusterId)
    {
        options.Validate();
        return new MembershipTable(new SqliteStore(options.DatabasePath!, options.BusyTimeout), SqliteSchemas.Membership, clusterId);
    }

    public static ReminderTable PostgresReminders(PostgresTableOptions options, string serviceId)
    {
        options.Validate();
        return new ReminderTable(new PostgresStore(options.ConnectionString!), PostgresSchemas.Reminders, serviceId);
    }

    public static ReminderTable SqliteReminders(SqliteTableOptions options, string serviceId)
    {
        options.Validate();
        return new ReminderTable(new SqliteStore(options.DatabasePath!, options.BusyTimeout), SqliteSchemas.Reminders, serviceId);
    }

    public static MembershipGatewayListProvider Gateways(IServiceProvider services, Func<string, MembershipTable> table) =>
        new(
            table(services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId),
            services.GetRequiredService<IOptions<GatewayOptions>>().Value.GatewayListRefreshPeriod);

    public static string ClusterId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ClusterId;

    public static string ServiceId(IServiceProvider services) => services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;

    public static T Options<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;
}
