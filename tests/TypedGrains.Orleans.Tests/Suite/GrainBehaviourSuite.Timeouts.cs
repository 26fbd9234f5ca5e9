using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>One turn at a time, and no caller waits forever: timeouts and cancellation of calls in flight.</summary>
public abstract partial class GrainBehaviourSuite
{
    [Fact]
    public async Task Turns_run_one_at_a_time()
    {
        var ledger = Ledger("one-at-a-time");
        var gate = Gate.Register(_prefix + "one-at-a-time");

        var first = ledger.Hold(_prefix + "one-at-a-time").AsTask();
        await gate.Entered.WaitAsync(Patience);
        var second = ledger.Hold(_prefix + "one-at-a-time").AsTask();
        var balance = ledger.Balance().AsTask();
        gate.Open();

        // Each Hold reads the balance before the gate and saves one more after it: interleaved turns would count once.
        Assert.Equal(1, await first.WaitAsync(Patience));
        Assert.Equal(2, await second.WaitAsync(Patience));
        Assert.InRange(await balance.WaitAsync(Patience), 1, 2);
        Assert.Equal(1, gate.MaxInside);
        Assert.Equal(2, await ledger.Balance());
    }

    [Fact]
    public async Task A_call_that_outlives_the_call_timeout_fails_with_an_unknown_outcome_and_the_grain_serves_again()
    {
        var ledger = Ledger("timeout");
        var gate = Gate.Register(_prefix + "timeout");
        var clock = Stopwatch.StartNew();

        var error = await Backend.Fails<TimeoutException>(async () => await ledger.Hold(_prefix + "timeout").AsTask().WaitAsync(Patience));

        Assert.InRange(clock.Elapsed, CallTimeout * 0.9, CallTimeout + TimeSpan.FromSeconds(10));
        Assert.Contains("Hold", error.Message);
        Assert.Contains("outcome is unknown", error.Message);

        // The turn had started, so it still runs and commits once the gate opens; the grain then answers.
        Assert.Equal(1, gate.Entries);
        gate.Open();
        Assert.Equal(1, await ledger.AwaitBalance(1).AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task A_call_cancelled_while_it_waits_fails_with_OperationCanceledException_at_once()
    {
        var ledger = Ledger("cancel-in-flight");
        var gate = Gate.Register(_prefix + "cancel-in-flight");
        var held = ledger.Hold(_prefix + "cancel-in-flight").AsTask();
        await gate.Entered.WaitAsync(Patience);
        using var cancel = new CancellationTokenSource();

        var queued = ledger.Hold(_prefix + "cancel-in-flight", cancel.Token).AsTask();
        cancel.Cancel();

        // The caller stops waiting at once, long before the call timeout; whether the turn still runs is unknown.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => queued.WaitAsync(CallTimeout / 2));
        gate.Open();
        Assert.Equal(1, await held.WaitAsync(Patience));
        Assert.InRange(await ledger.Balance(), 1, 2);
    }
}
