using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests.Telemetry;

/// <summary>The runtime's log events, their stable ids, and the grain-id scope around a turn (FakeLogger).</summary>
public sealed class LoggingTests
{
    private readonly FakeLoggerProvider _provider = new();
    private readonly ILoggerFactory _factory;

    public LoggingTests()
    {
        _factory = LoggerFactory.Create(builder => builder.AddProvider(_provider).SetMinimumLevel(LogLevel.Trace));
    }

    private FakeLogCollector Logs => _provider.Collector;

    [Fact]
    public async Task A_failed_turn_logs_event_1004_with_grain_method_and_exception_inside_a_scope_naming_the_grain()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory });
        var counter = grains.CounterGrain("log-fail");

        await Assert.ThrowsAsync<InvalidOperationException>(() => counter.AddThenFail(1).AsTask());

        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1004);
        Assert.Equal("TurnFailed", record.Id.Name);
        Assert.Equal(LogLevel.Information, record.Level);
        Assert.Contains(counter.Id.ToString(), record.Message);
        Assert.Contains("AddThenFail", record.Message);
        Assert.IsType<InvalidOperationException>(record.Exception);
        Assert.Contains(record.Scopes, scope => ScopeValue(scope, "GrainId") == counter.Id.ToString());
    }

    [Fact]
    public async Task Activation_and_deactivation_log_events_1000_and_1002()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory, Scheduler = scheduler });
        var counter = grains.CounterGrain("log-life");

        var call = counter.Deactivate().AsTask();
        scheduler.RunUntilIdle();
        await call;

        var ids = Logs.GetSnapshot().Where(r => r.Message.Contains(counter.Id.ToString())).Select(r => r.Id.Id).ToList();
        Assert.Equal([1000, 1002], ids);
    }

    [Fact]
    public async Task A_failed_cast_logs_event_1006_and_still_reaches_the_callback()
    {
        var scheduler = new SynchronousMailboxScheduler();
        var reported = new List<GrainId>();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            LoggerFactory = _factory,
            Scheduler = scheduler,
            CastFailed = (grain, _) => reported.Add(grain),
        });
        var counter = grains.CounterGrain("log-cast");

        counter.FailCast();
        scheduler.RunUntilIdle();

        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1006);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains(counter.Id.ToString(), record.Message);
        Assert.Equal([counter.Id], reported);
        // The turn's own event comes first, as for any failed handler (docs/observability.md).
        Assert.Equal([1004, 1006], Logs.GetSnapshot().Where(r => r.Id.Id is 1004 or 1006).Select(r => r.Id.Id));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task A_failed_save_logs_event_1005_as_an_error()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory, DefaultProvider = storage });
        var counter = grains.CounterGrain("log-save");
        await counter.Get();
        storage.FailWith = new InvalidOperationException("disk gone");

        await Assert.ThrowsAsync<Persistence.GrainStorageException>(() => counter.Add(1).AsTask());

        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1005);
        Assert.Equal(LogLevel.Error, record.Level);
        Assert.DoesNotContain(Logs.GetSnapshot(), r => r.Id.Id == 1004);
    }

    [Fact]
    public async Task A_timed_out_call_logs_event_1008_on_the_fake_clock()
    {
        var clock = new FakeTimeProvider();
        var timeout = TimeSpan.FromSeconds(5);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory, TimeProvider = clock, CallTimeout = timeout });
        var gate = TurnGate.Register("log-timeout-gate", 1);
        var gated = grains.GatedGrain("log-timeout-gate");
        var held = gated.Hold().AsTask();
        await gate.Entered.WaitAsync(TimeSpan.FromSeconds(30));

        clock.Advance(timeout + TimeSpan.FromSeconds(1));

        await Assert.ThrowsAsync<TimeoutException>(() => held);
        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1008);
        Assert.Contains("Hold", record.Message);
        Assert.Contains(gated.Id.ToString(), record.Message);
        gate.Open();
    }

    [Fact]
    public async Task Stopping_logs_events_1010_and_1011()
    {
        var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory });
        await grains.CounterGrain("log-stop").Get();

        await grains.StopAsync();

        var ids = Logs.GetSnapshot().Select(r => r.Id.Id).Where(id => id >= 1010).ToList();
        Assert.Equal([1010, 1011], ids);
    }

    [Fact]
    public async Task Idle_collection_logs_event_1003_before_the_deactivation_1002()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions
        {
            LoggerFactory = _factory,
            TimeProvider = clock,
            IdleCollectionAge = TimeSpan.FromMinutes(1),
        });
        var counter = grains.CounterGrain("log-idle");
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        grains.ActivationEnded += _ => ended.TrySetResult();
        await counter.Get();

        clock.AdvanceInSteps(TimeSpan.FromMinutes(2), TimeSpan.FromSeconds(15));
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var records = Logs.GetSnapshot().Where(r => r.Message.Contains(counter.Id.ToString())).ToList();
        Assert.Equal([1000, 1003, 1002], records.Select(r => r.Id.Id));
        Assert.Equal("GrainIdleCollected", records[1].Id.Name);
        Assert.Equal(LogLevel.Debug, records[1].Level);
    }

    [Fact]
    public async Task A_deferred_reply_to_a_caller_that_gave_up_logs_event_1007()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory });
        var barrier = grains.BarrierGrain(1007);
        using var cancel = new CancellationTokenSource();
        var gaveUp = barrier.Arrive(cancel.Token).AsTask();
        Assert.Equal(1, await barrier.WaitingCount());
        cancel.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => gaveUp);

        // The third arrival answers every stored token, the cancelled caller's included: that reply reaches nobody.
        var second = barrier.Arrive().AsTask();
        Assert.Equal(1, await barrier.Arrive());
        Assert.Equal(1, await second);

        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1007);
        Assert.Equal("ReplyDropped", record.Id.Name);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains(barrier.Id.ToString(), record.Message);
    }

    [Fact]
    public async Task A_failed_activation_logs_event_1001_with_the_exception()
    {
        var storage = new ControllableStateProvider { FailWith = new InvalidOperationException("db down") };
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory, DefaultProvider = storage });
        var counter = grains.CounterGrain("log-activate");

        await Assert.ThrowsAsync<Persistence.GrainStorageException>(() => counter.Get().AsTask());

        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1001);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains(counter.Id.ToString(), record.Message);
        Assert.NotNull(record.Exception);
        Assert.DoesNotContain(Logs.GetSnapshot(), r => r.Id.Id == 1000);
    }

    [Fact]
    public async Task A_deactivation_whose_save_fails_logs_event_1009()
    {
        var storage = new ControllableStateProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { LoggerFactory = _factory, DefaultProvider = storage });
        var hook = grains.HookGrain("log-deactivate");
        var ended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        grains.ActivationEnded += _ => ended.TrySetResult();
        await hook.Read();
        storage.FailWith = new InvalidOperationException("disk gone");

        await hook.Leave();
        await ended.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var record = Assert.Single(Logs.GetSnapshot(), r => r.Id.Id == 1009);
        Assert.Equal("DeactivationFailed", record.Id.Name);
        Assert.Equal(LogLevel.Warning, record.Level);
        Assert.Contains(hook.Id.ToString(), record.Message);
    }

    private static string? ScopeValue(object? scope, string key) =>
        scope is IEnumerable<KeyValuePair<string, object?>> values ? values.FirstOrDefault(pair => pair.Key == key).Value as string : null;
}
