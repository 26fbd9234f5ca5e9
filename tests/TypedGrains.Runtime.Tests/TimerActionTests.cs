using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Persistence;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>Timer and reminder requests are actions: readable in a unit test, applied by the engine at commit, dropped on rollback.</summary>
public sealed class TimerActionTests
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(5);

    [Fact]
    public void A_pure_handler_test_reads_timer_and_reminder_actions()
    {
        var grain = new TickerGrain();

        grain.Start(Period, keepAlive: true);
        grain.Remind(TimeSpan.Zero, Period);

        var timer = Assert.Single(grain.Actions.Timers);
        Assert.Equal(("Beat", true, Period, true), (timer.Handler.Name, timer.IsStart, timer.Period, timer.KeepAlive));
        var reminder = Assert.Single(grain.Actions.Reminders);
        Assert.Equal(("Charge", true, Period), (reminder.Handler.Name, reminder.IsRegister, reminder.Period));
        Assert.False(grain.Actions.IsEmpty);
    }

    [Fact]
    public async Task The_engine_hands_committed_reminder_and_timer_changes_to_the_host()
    {
        using var others = new InProcessRuntime();
        var host = new RecordingHost(others);
        var engine = await ActivatedAsync(host, "ordered");

        await engine.RunAsync(new TickerGrain.Requests.Remind(TimeSpan.Zero, Period));
        await engine.RunAsync(new TickerGrain.Requests.Start(Period, false));

        Assert.Equal(["reminders:Charge", "timers:Beat"], host.Log);
    }

    [Fact]
    public async Task A_rolled_back_turn_hands_the_host_no_timer_and_no_reminder()
    {
        using var others = new InProcessRuntime();
        var host = new RecordingHost(others);
        var engine = await ActivatedAsync(host, "rolled-back");

        await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.RunAsync(new TickerGrain.Requests.StartThenFail(Period)));
        await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.RunAsync(new TickerGrain.Requests.RemindThenFail(Period)));

        Assert.Empty(host.Log);
    }

    [Fact]
    public async Task A_reminder_table_that_fails_fails_the_turn_like_a_save()
    {
        using var others = new InProcessRuntime();
        var host = new RecordingHost(others) { FailReminders = true };
        var engine = await ActivatedAsync(host, "failing");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await engine.RunAsync(new TickerGrain.Requests.Remind(TimeSpan.Zero, Period)));

        Assert.Same(error, host.CommitFailure);
        Assert.Equal("reminders refused", error.Message);
    }

    private static async Task<TurnEngine<TickerGrain>> ActivatedAsync(RecordingHost host, string key)
    {
        var engine = new TurnEngine<TickerGrain>(host, new GrainId("TypedGrains.Runtime.Tests.Grains.TickerGrain", GrainKey.From(key)), storesState: true, owner: host);
        await engine.ActivateAsync(CancellationToken.None);
        return engine;
    }

    private sealed class RecordingHost(InProcessRuntime others) : ITurnHost
    {
        private readonly MemoryGrainStateProvider _storage = new();

        public List<string> Log { get; } = new();

        public bool FailReminders { get; init; }

        public Exception? CommitFailure { get; private set; }

        public IGrainFactory Grains => others;

        public TimeProvider Time => TimeProvider.System;

        public TimeSpan StorageTimeout => TimeSpan.FromSeconds(30);

        public CancellationToken StopToken => CancellationToken.None;

        public IGrainStateProvider ResolveProvider(string? name) => _storage;

        public void Reply(DeferredReply reply) => Log.Add("reply");

        public void CastToSelf(SelfCast cast) => Log.Add("self-cast");

        public void ChangeTimers(IReadOnlyList<TimerChange> changes)
        {
            foreach (var change in changes)
            {
                Log.Add("timers:" + change.Handler.Name);
            }
        }

        public ValueTask ChangeRemindersAsync(IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken)
        {
            if (FailReminders)
            {
                return ValueTask.FromException(new InvalidOperationException("reminders refused"));
            }

            foreach (var change in changes)
            {
                Log.Add("reminders:" + change.Handler.Name);
            }

            return default;
        }

        public void OnCommitFailed(Exception error) => CommitFailure = error;
    }
}
