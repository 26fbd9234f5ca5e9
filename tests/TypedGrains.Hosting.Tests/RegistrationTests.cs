using System.Collections.Generic;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Hosting.Tests;

/// <summary>AddTypedGrains: the factory is injectable, the host starts and stops the runtime, the stop is graceful.</summary>
public sealed class RegistrationTests : System.IDisposable
{
    private readonly HostFixture _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Fact]
    public async Task The_host_starts_the_runtime_and_its_graceful_stop_saves_every_queued_cast_to_sqlite()
    {
        var database = _fixture.Database("tally.db");
        using (var host = HostFixture.Build(b => b.AddGrain<TallyGrain>().UseSqlite($"Data Source={database}")))
        {
            await host.StartAsync();
            var grains = host.Services.GetRequiredService<IGrainFactory>();
            Assert.Same(host.Services.GetRequiredService<InProcessRuntime>(), grains);
            var tally = grains.TallyGrain("t-1");
            for (var i = 0; i < 5; i++)
            {
                tally.Increment();
            }

            // No call waits for the casts: the stop must drain them, and their saves complete before it returns.
            await host.StopAsync();
            Assert.Equal(InProcessRuntimeStatus.Stopped, ((InProcessRuntime)grains).Status);
        }

        Assert.True(File.Exists(database));
        using (var host = HostFixture.Build(b => b.AddGrain<TallyGrain>().UseSqlite($"Data Source={database}")))
        {
            await host.StartAsync();
            Assert.Equal(5, await host.Services.GetRequiredService<IGrainFactory>().TallyGrain("t-1").Get());
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task The_host_stop_deactivates_every_activation_and_saves_what_its_deactivation_hook_changed()
    {
        var database = _fixture.Database("shift.db");
        using (var host = HostFixture.Build(b => b.AddGrain<ShiftGrain>().UseSqlite($"Data Source={database}")))
        {
            await host.StartAsync();
            var runtime = host.Services.GetRequiredService<InProcessRuntime>();
            var shift = host.Services.GetRequiredService<IGrainFactory>().ShiftGrain("s-1");
            shift.Open();
            shift.Open();

            await host.StopAsync();
            Assert.Equal(0, runtime.ActivationCount);
        }

        using (var host = HostFixture.Build(b => b.AddGrain<ShiftGrain>().UseSqlite($"Data Source={database}")))
        {
            await host.StartAsync();
            Assert.Equal(new ShiftState(Opened: 2, Closed: 1), await host.Services.GetRequiredService<IGrainFactory>().ShiftGrain("s-1").Read());
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task UseSqlite_keeps_durable_reminders_in_the_same_file()
    {
        var database = _fixture.Database("renewals.db");
        GrainId renewal;
        using (var host = HostFixture.Build(b => b.AddGrain<RenewalGrain>().UseSqlite($"Data Source={database}")))
        {
            await host.StartAsync();
            var grain = host.Services.GetRequiredService<IGrainFactory>().RenewalGrain("r-1");
            renewal = grain.Id;
            await grain.RenewHourly();
            await host.StopAsync();
        }

        // What the next process reads from the file: the reminder was not kept in the host's memory.
        var stored = Assert.Single(await new SqliteReminderTable(database).ReadAsync(renewal));
        Assert.Equal(("Renew", System.TimeSpan.FromHours(1)), (stored.Name, stored.Period));
    }

    [Fact]
    public async Task Providers_and_the_default_provider_come_from_the_TypedGrains_section()
    {
        var database = _fixture.Database("configured.db");
        var configuration = new Dictionary<string, string?>
        {
            ["TypedGrains:DefaultProvider"] = "main",
            ["TypedGrains:Providers:main:Kind"] = "sqlite",
            ["TypedGrains:Providers:main:ConnectionString"] = $"Data Source={database}",
            ["TypedGrains:Providers:archive:Kind"] = "memory",
        };
        using var host = HostFixture.Build(b => b.AddGrain<TallyGrain>().AddGrain<ArchivedGrain>(), configuration);
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        grains.TallyGrain("c-1").Increment();
        Assert.Equal(1, await grains.TallyGrain("c-1").Get());
        Assert.Equal(0, await grains.ArchivedGrain("a-1").Get());
        await host.StopAsync();

        Assert.True(File.Exists(database));
    }

    [Fact]
    public async Task Configuration_overrides_the_default_provider_the_builder_chose()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["TypedGrains:DefaultProvider"] = "scratch",
            ["TypedGrains:Providers:scratch:Kind"] = "memory",
        };
        using var host = HostFixture.Build(b => b.AddGrain<TallyGrain>().UseSqlite($"Data Source={_fixture.Database("unused.db")}"), configuration);
        await host.StartAsync();

        Assert.Equal(0, await host.Services.GetRequiredService<IGrainFactory>().TallyGrain("m-1").Get());
        await host.StopAsync();

        Assert.False(File.Exists(_fixture.Database("unused.db")));
    }

    [Fact]
    public async Task Configuration_also_overrides_what_a_later_AddTypedGrains_call_chose()
    {
        var configuration = new Dictionary<string, string?>
        {
            ["TypedGrains:DefaultProvider"] = "scratch",
            ["TypedGrains:Providers:scratch:Kind"] = "memory",
        };
        var unused = _fixture.Database("later.db");
        using var host = HostFixture.Build(
            b => b.AddGrain<TallyGrain>(),
            configuration,
            services => services.AddTypedGrains(b => b.UseSqlite($"Data Source={unused}")));
        await host.StartAsync();

        Assert.Equal(0, await host.Services.GetRequiredService<IGrainFactory>().TallyGrain("m-2").Get());
        await host.StopAsync();

        Assert.False(File.Exists(unused));
    }

    [Fact]
    public async Task Runtime_settings_come_from_the_section_and_the_runtime_runs_on_the_hosts_TimeProvider()
    {
        var clock = new FakeTimeProvider();
        var configuration = new Dictionary<string, string?> { ["TypedGrains:IdleCollectionAge"] = "00:01:00" };
        using var host = HostFixture.Build(b => b.AddGrain<TallyGrain>(), configuration, s => s.AddSingleton<System.TimeProvider>(clock));
        await host.StartAsync();
        var runtime = host.Services.GetRequiredService<InProcessRuntime>();
        var ended = new TaskCompletionSource<GrainId>(TaskCreationOptions.RunContinuationsAsynchronously);
        runtime.ActivationEnded += id => ended.TrySetResult(id);
        var tally = runtime.TallyGrain("idle-1");
        await tally.Get();

        // One minute, not the default fifteen: collected within the next collection pass (every 15 s for that age).
        for (var i = 0; i < 6; i++)
        {
            clock.Advance(System.TimeSpan.FromSeconds(15));
        }

        Assert.Equal(tally.Id, await ended.Task.WaitAsync(System.TimeSpan.FromSeconds(30)));
        await host.StopAsync();
    }
}
