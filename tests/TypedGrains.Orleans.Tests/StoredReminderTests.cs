using System;
using System.Collections.Concurrent;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using TypedGrains.Orleans.Hosting;
using TypedGrains.Orleans.Storage;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Runtime;
using TypedGrains.Tests.Shared;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>
/// A TypedGrains reminder on a silo whose Orleans reminder service runs over TypedGrains' own SQLite reminder table
/// (TypedGrains.Orleans.Storage): registered on one silo, stored in the file, fired on a new silo on the same file
/// after the first one stopped, listed by the grain from that table, and gone from the file once unregistered. Orleans fires on its own clock, so the test
/// waits on a signal the committed tick releases; the first tick is due late enough that the first silo has stopped.
/// </summary>
public sealed class StoredReminderTests : IDisposable
{
    private static readonly TimeSpan DueTime = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly string _directory = Directory.CreateTempSubdirectory("typedgrains-reminders-").FullName;
    private readonly MemoryGrainStateProvider _storage = new();

    private string Database => Path.Combine(_directory, "cluster.db");

    [Fact]
    public async Task A_reminder_registered_before_a_silo_stopped_fires_on_the_next_silo_on_the_same_sqlite_file()
    {
        var key = "stored-" + Guid.NewGuid().ToString("N")[..8];
        var ticked = Clock.ReminderTicked.GetOrAdd(key, _ => new SemaphoreSlim(0));

        using (var first = await StartSiloAsync())
        {
            await Runtime(first).Clock(key).RemindAfter(DueTime);
            await first.StopAsync(TimeSpan.FromSeconds(10));
        }

        Assert.Equal(1, StoredTypedGrainsReminders());
        Assert.Equal(0, ticked.CurrentCount);

        using var second = await StartSiloAsync();
        Assert.True(await ticked.WaitAsync(Patience), "The stored reminder did not fire on the new silo.");
        var clock = Runtime(second).Clock(key);
        Assert.Equal(1, (await clock.Read()).ReminderTicks);

        Assert.Equal(["ReminderTick every 00:01:00, due in the future: True"], await clock.Reminders());

        await clock.Forget();
        Assert.Equal(0, StoredTypedGrainsReminders());
        Assert.Empty(await clock.Reminders());
        await second.StopAsync(TimeSpan.FromSeconds(10));
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private static OrleansGrainRuntime Runtime(IHost silo) => silo.Services.GetRequiredService<OrleansGrainRuntime>();

    private async Task<IHost> StartSiloAsync()
    {
        var ports = FreePorts.Take(2);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo
            .UseLocalhostClustering(ports[0], ports[1])
            .UseTypedGrainsSqliteReminders(Database)
            .AddTypedGrains(options => options.DefaultProvider = _storage));
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>The rows of TypedGrains reminders (Orleans reminder names <c>tg:...</c>) in the SQLite file.</summary>
    private long StoredTypedGrainsReminders()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM typedgrains_reminders WHERE reminder_name LIKE 'tg:%';";
        return (long)command.ExecuteScalar()!;
    }
}
