using System;
using System.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Messaging;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Reminders;
using Xunit;

namespace TypedGrains.Orleans.Storage.Tests.Hosting;

/// <summary>What the builder extensions register, and the options checks (hosts are built, never started).</summary>
public sealed class RegistrationTests
{
    [Fact]
    public void Silo_extensions_register_the_membership_and_reminder_tables_on_the_chosen_store()
    {
        using var postgres = Silo(silo => silo
            .UseTypedGrainsPostgresClustering("Host=127.0.0.1;Username=nobody")
            .UseTypedGrainsPostgresReminders("Host=127.0.0.1;Username=nobody"));
        using var sqlite = Silo(silo => silo
            .UseTypedGrainsSqliteClustering(options => options.DatabasePath = "unused/cluster.db")
            .UseTypedGrainsSqliteReminders(options => options.DatabasePath = "unused/reminders.db"));

        foreach (var host in new[] { postgres, sqlite })
        {
            Assert.IsType<MembershipTable>(host.Services.GetRequiredService<IMembershipTable>());
            Assert.IsType<ReminderTable>(host.Services.GetRequiredService<IReminderTable>());
            Assert.Equal(2, host.Services.GetServices<IConfigurationValidator>().Count(v => v.GetType().Namespace!.StartsWith("TypedGrains", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public void Client_extensions_register_a_gateway_list_refreshed_at_the_gateway_refresh_period()
    {
        using var host = new HostBuilder()
            .UseOrleansClient(client => client
                .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(3))
                .UseTypedGrainsSqliteClustering("unused/cluster.db"))
            .Build();

        var gateways = host.Services.GetRequiredService<IGatewayListProvider>();

        Assert.IsType<MembershipGatewayListProvider>(gateways);
        Assert.Equal(TimeSpan.FromSeconds(3), gateways.MaxStaleness);
    }

    [Fact]
    public void Missing_or_out_of_range_settings_fail_validation_with_the_setting_named()
    {
        Assert.Contains("ConnectionString", Assert.Throws<OrleansConfigurationException>(() => new PostgresClusteringOptions().Validate()).Message);
        Assert.Contains("DatabasePath", Assert.Throws<OrleansConfigurationException>(() => new SqliteReminderOptions().Validate()).Message);
        var zero = new SqliteClusteringOptions { DatabasePath = "x.db", BusyTimeout = TimeSpan.Zero };
        Assert.Contains("BusyTimeout", Assert.Throws<OrleansConfigurationException>(() => zero.Validate()).Message);
        new SqliteClusteringOptions { DatabasePath = "x.db" }.Validate();
        new PostgresReminderOptions { ConnectionString = "Host=db" }.Validate();
    }

    [Fact]
    public void A_silo_without_a_connection_string_fails_when_its_table_is_resolved_and_its_validator_runs()
    {
        using var host = Silo(silo => silo.UseTypedGrainsPostgresClustering(_ => { }));

        var resolve = Assert.Throws<OrleansConfigurationException>(() => host.Services.GetRequiredService<IMembershipTable>());
        Assert.Contains("ConnectionString", resolve.Message);
        var validator = new PostgresOptionsValidator<PostgresClusteringOptions>(Options.Create(new PostgresClusteringOptions()));
        Assert.Throws<OrleansConfigurationException>(validator.ValidateConfiguration);
    }

    private static IHost Silo(Action<ISiloBuilder> configure) =>
        new HostBuilder()
            .UseOrleans(silo =>
            {
                silo.Configure<ClusterOptions>(options =>
                {
                    options.ClusterId = "registration";
                    options.ServiceId = "registration";
                });
                configure(silo);
            })
            .Build();
}
