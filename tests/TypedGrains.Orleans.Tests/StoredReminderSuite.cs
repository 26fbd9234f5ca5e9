using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using TypedGrains.Orleans.Hosting;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Runtime;
using TypedGrains.Tests.Shared;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>
/// A TypedGrains reminder on a silo whose Orleans reminder service runs over one of TypedGrains' own reminder tables
/// (TypedGrains.Orleans.Storage): registered on one silo, stored in the table, fired on a new silo over the same table
/// after the first one stopped, listed by the grain from that table, and gone from it once unregistered. Orleans fires
/// on its own clock, so the test waits on a signal the committed tick releases; the first tick is due late enough that
/// the first silo has stopped. Each test has its own service id, which scopes the table's rows.
/// </summary>
public abstract class StoredReminderSuite
{
    /// <summary>
    /// The collection of the suite's classes: they run on their own, after the parallel ones, so their silo starts and
    /// stops do not load the machine under the two-silo clusters' short call timeouts.
    /// </summary>
    public const string Collection = "stored reminders";

    private static readonly TimeSpan DueTime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly MemoryGrainStateProvider _storage = new();

    /// <summary>The Orleans service id of this test's silos.</summary>
    protected string ServiceId { get; } = "reminders-" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_reminder_registered_before_a_silo_stopped_fires_on_the_next_silo_over_the_same_table()
    {
        var key = "stored-" + Guid.NewGuid().ToString("N")[..8];
        var ticked = Clock.ReminderTicked.GetOrAdd(key, _ => new SemaphoreSlim(0));

        using (var first = await StartSiloAsync())
        {
            await Runtime(first).Clock(key).RemindAfter(DueTime);
            await first.StopAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, await StoredTypedGrainsRemindersAsync());
        Assert.Equal(0, ticked.CurrentCount);

        using var second = await StartSiloAsync();
        Assert.True(await ticked.WaitAsync(Patience), "The stored reminder did not fire on the new silo.");
        var clock = Runtime(second).Clock(key);
        Assert.Equal(1, (await clock.Read()).ReminderTicks);
        Assert.Equal(["ReminderTick every 00:01:00, due in the future: True"], await clock.Reminders());

        await clock.Forget();
        Assert.Equal(0, await StoredTypedGrainsRemindersAsync());
        Assert.Empty(await clock.Reminders());
        await second.StopAsync(TimeSpan.FromSeconds(10));
    }

    /// <summary>Configures Orleans' reminder service over the table under test.</summary>
    protected abstract ISiloBuilder UseReminders(ISiloBuilder silo);

    /// <summary>The rows of TypedGrains reminders (Orleans reminder names <c>tg:...</c>) of <see cref="ServiceId"/> in the table.</summary>
    protected abstract Task<long> StoredTypedGrainsRemindersAsync();

    private static OrleansGrainRuntime Runtime(IHost silo) => silo.Services.GetRequiredService<OrleansGrainRuntime>();

    private async Task<IHost> StartSiloAsync()
    {
        var ports = FreePorts.Take(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => UseReminders(silo.UseLocalhostClustering(ports[0], ports[1], serviceId: ServiceId, clusterId: ServiceId))
            .AddTypedGrains(options => options.DefaultProvider = _storage));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}

/// <summary>Runs the stored-reminder classes alone (see <see cref="StoredReminderSuite.Collection"/>).</summary>
[CollectionDefinition(StoredReminderSuite.Collection, DisableParallelization = true)]
public sealed class StoredReminderCollection
{
}
