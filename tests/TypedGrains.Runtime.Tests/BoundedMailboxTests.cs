using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>With MaxMailboxLength set, a full mailbox refuses new messages and keeps those it accepted.</summary>
public sealed class BoundedMailboxTests
{
    [Fact]
    public async Task A_full_mailbox_refuses_casts_and_calls_with_MailboxFullException_and_runs_what_it_accepted()
    {
        var scheduler = new SynchronousMailboxScheduler();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { Scheduler = scheduler, MaxMailboxLength = 3 });
        var counter = grains.CounterGrain("bounded");
        counter.Bump();
        counter.Bump();
        var accepted = counter.Get().AsTask();

        var refusedCast = Assert.Throws<MailboxFullException>(() => counter.Bump());
        var refusedCall = await Assert.ThrowsAsync<MailboxFullException>(async () => await counter.Get());

        Assert.Equal(counter.Id, refusedCast.Grain);
        Assert.Equal(3, refusedCall.Limit);
        scheduler.RunUntilIdle();
        Assert.Equal(2, await accepted);

        // Drained: the mailbox takes messages again.
        var next = counter.Get().AsTask();
        scheduler.RunUntilIdle();
        Assert.Equal(2, await next);
    }
}
