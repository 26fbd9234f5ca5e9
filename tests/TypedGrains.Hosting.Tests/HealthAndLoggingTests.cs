using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using TypedGrains.Persistence;
using Xunit;

namespace TypedGrains.Hosting.Tests;

/// <summary>The health check, and the runtime logging through the host's logger factory.</summary>
public sealed class HealthAndLoggingTests
{
    [Fact]
    public async Task The_check_is_healthy_while_the_runtime_runs_and_unhealthy_once_it_stopped()
    {
        using var host = HostFixture.Build(b => b.AddGrain<TallyGrain>(), services: s => s.AddHealthChecks().AddTypedGrains());
        await host.StartAsync();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        var running = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Healthy, running.Status);
        Assert.Equal("Running", running.Entries["typedgrains"].Data["status"]);

        await host.StopAsync();
        var stopped = await health.CheckHealthAsync();
        Assert.Equal(HealthStatus.Unhealthy, stopped.Status);
        Assert.Contains("stopped", stopped.Entries["typedgrains"].Description);
    }

    [Fact]
    public async Task A_provider_that_cannot_be_reached_makes_the_check_unhealthy_naming_it()
    {
        using var host = HostFixture.Build(
            b => b.AddGrain<TallyGrain>().AddGrain<ArchivedGrain>().AddProvider("archive", _ => new UnreachableProvider()),
            services: s => s.AddHealthChecks().AddTypedGrains());
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Unhealthy, report.Status);
        Assert.Contains("archive", report.Entries["typedgrains"].Description);
        await host.StopAsync();
    }

    [Fact]
    public async Task The_runtime_logs_through_the_host_logger_factory()
    {
        using var host = HostFixture.Build(
            b => b.AddGrain<TallyGrain>(),
            services: s => s.AddLogging(logging => logging.AddFakeLogging().SetMinimumLevel(LogLevel.Debug)));
        await host.StartAsync();
        var tally = host.Services.GetRequiredService<IGrainFactory>().TallyGrain("log-1");

        await Assert.ThrowsAsync<InvalidOperationException>(() => tally.Fail().AsTask());
        await host.StopAsync();

        var logs = host.Services.GetFakeLogCollector().GetSnapshot();
        Assert.Contains(logs, r => r.Id.Id == 1000 && r.Message.Contains(tally.Id.ToString()));
        Assert.Contains(logs, r => r.Id.Id == 1004 && r.Category == "TypedGrains.Runtime");
        Assert.Equal(1011, logs.Last(r => r.Category == "TypedGrains.Runtime").Id.Id);
    }

    private sealed class UnreachableProvider : IGrainStateProvider
    {
        public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<StoredState?>(new InvalidOperationException("connection refused"));

        public ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default) =>
            ValueTask.FromException<long>(new InvalidOperationException("connection refused"));

        public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
            ValueTask.FromException(new InvalidOperationException("connection refused"));
    }
}
