using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>The synchronous scheduler runs mailboxes only when the test says so, one slice at a time.</summary>
public sealed class SchedulerTests
{
    [Fact]
    public async Task Messages_wait_until_the_test_runs_the_scheduled_mailbox()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler, TurnBudget = 2 });
        var counter = grains.CounterGrain("stepped");

        counter.Bump();
        counter.Bump();
        counter.Bump();
        var count = counter.Get();

        Assert.False(count.IsCompleted);
        Assert.Equal(1, scheduler.Pending);

        // A slice runs at most the turn budget (2) of messages, then the mailbox is scheduled again.
        Assert.True(scheduler.RunNext());
        Assert.False(count.IsCompleted);
        Assert.Equal(1, scheduler.Pending);
        Assert.True(scheduler.RunNext());
        Assert.Equal(3, await count);
        scheduler.RunUntilIdle();
        Assert.Equal(0, scheduler.Pending);
    }
}
