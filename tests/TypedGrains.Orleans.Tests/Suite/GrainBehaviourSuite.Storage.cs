using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using TypedGrains.Persistence;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>Acknowledged means durable, and an activation whose save loses the ETag race commits nothing.</summary>
public abstract partial class GrainBehaviourSuite
{
    [Fact]
    public async Task A_failed_save_fails_the_caller_drops_the_activation_and_the_next_message_reloads()
    {
        var ledger = Ledger("failed-save");
        await ledger.Deposit(3);
        var waiting = ledger.WaitForBalance().AsTask();
        await ledger.Balance();
        Storage.RefuseNextWrite(ledger.Id);

        // The reply waits for the save: a save that fails becomes the caller's error, never a reply of 103.
        var error = await Backend.Fails<GrainStorageException>(async () => await ledger.Deposit(100));

        Assert.Contains(FaultyStateProvider.Refusal, error.Message);
        await Backend.Fails<GrainDeactivatedException>(() => waiting.WaitAsync(Patience));
        Assert.Equal(3, await ledger.Balance());
    }

    [Fact]
    public async Task A_duplicate_activation_cannot_commit_its_save_replies_and_casts_are_never_released()
    {
        var ledger = Ledger("duplicate");
        var target = Ledger("duplicate-target");
        await ledger.Deposit(1);
        var waiting = ledger.WaitForBalance().AsTask();
        await ledger.Balance();

        // A second activation of the same grain over the same storage (as another silo would run during a membership
        // change) loads the saved state and commits first.
        using (var other = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = Storage }))
        {
            Assert.Equal(11, await other.Ledger(ledger.Id.Key.AsString()).Deposit(10));
        }

        // The first activation's save carries the ETag it loaded: refused, so nothing of its turn is released.
        var error = await Backend.Fails<GrainStorageException>(async () => await ledger.DepositCastAndRelease(5, _prefix + "duplicate-target"));
        Assert.Contains("expected at ETag", error.Message);
        await Backend.Fails<GrainDeactivatedException>(() => waiting.WaitAsync(Patience));

        // It was dropped: the next message loads the winner's state.
        Assert.Equal(11, await ledger.Balance());

        // The refused turn's cast never left: only the committed one arrives (as strong as the backend's delivery order).
        await ledger.CastTo(_prefix + "duplicate-target");
        Assert.Equal(1, await target.AwaitBalance(1).AsTask().WaitAsync(Patience));
        Assert.Equal(1, await target.Balance());
    }
}
