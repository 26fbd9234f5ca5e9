using System;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// <see cref="Placement.StatelessWorker"/> in process: several activations per id up to the runtime's limit, each
/// still one turn at a time, none of them touching storage. Handlers are held at a <see cref="TurnGate"/>, so every
/// count below is exact rather than a matter of timing.
/// </summary>
public sealed class StatelessWorkerTests
{
    /// <summary>Bounds a wait only so that a failing test ends; a passing test never waits this long.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Concurrent_calls_to_one_worker_id_run_on_separate_activations_up_to_the_limit_and_no_further()
    {
        const int limit = 3;
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = limit });
        var key = NewKey();
        var gate = TurnGate.Register(key, awaitedEntries: limit);
        var worker = grains.WorkerGrain(key);

        // Three times the limit, sent from several threads at once; every routing decision is made before Post returns.
        var calls = new Task<int>[3 * limit];
        Parallel.For(0, calls.Length, i => calls[i] = worker.Hold().AsTask());
        await gate.Entered.WaitAsync(Patience);

        Assert.Equal(limit, grains.ActivationCount);
        Assert.Equal(limit, gate.Inside);
        Assert.True(grains.IsActive(worker.Id));

        gate.Open();
        var replies = await Task.WhenAll(calls).WaitAsync(Patience);

        Assert.Equal(limit, gate.MaxInside);
        Assert.Equal(calls.Length, gate.Entries);
        Assert.Equal(limit, WorkerGrain.Activations[key]);
        Assert.Equal(limit, grains.ActivationCount);

        // Each activation has its own state, so each of them answered its first turn with 1.
        Assert.Equal(limit, replies.Count(r => r == 1));
    }

    [Fact]
    public async Task A_normal_grain_under_the_same_load_never_overlaps()
    {
        const int limit = 3;
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = limit });
        var key = NewKey();
        var gate = TurnGate.Register(key, awaitedEntries: 1);
        var grain = grains.GatedGrain(key);

        var calls = new Task<int>[3 * limit];
        Parallel.For(0, calls.Length, i => calls[i] = grain.Hold().AsTask());
        await gate.Entered.WaitAsync(Patience);

        Assert.Equal(1, grains.ActivationCount);
        Assert.Equal(1, gate.Inside);

        gate.Open();
        var replies = await Task.WhenAll(calls).WaitAsync(Patience);

        Assert.Equal(1, gate.MaxInside);
        Assert.Equal(Enumerable.Range(1, calls.Length), replies.OrderBy(r => r));
    }

    [Fact]
    public async Task A_cast_to_self_goes_to_the_grain_id_so_another_worker_runs_it_while_the_sender_is_busy()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = 2 });
        var key = NewKey();
        var gate = TurnGate.Register(key, awaitedEntries: 1);
        var worker = grains.WorkerGrain(key);

        // The self-cast is sent while the sending activation is still in its turn, so a second activation takes it.
        await worker.HoldViaSelf();
        await gate.Entered.WaitAsync(Patience);

        Assert.Equal(2, grains.ActivationCount);
        Assert.Equal(2, WorkerGrain.Activations[key]);
        gate.Open();
    }

    [Fact]
    public async Task Casts_and_casts_to_self_reach_a_worker()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = 1 });
        var worker = grains.WorkerGrain(NewKey());

        worker.Increment();
        await worker.IncrementTwiceViaSelf();

        Assert.Equal(3, await worker.Get());
    }

    [Fact]
    public async Task A_save_in_a_worker_turn_fails_its_caller_rolls_back_and_the_worker_keeps_serving_without_storage()
    {
        // Any read or write of this provider would throw IOException.
        var storage = new ControllableStateProvider { FailWith = new IOException("a stateless worker must not use storage") };
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage, MaxStatelessWorkerActivations = 1 });
        var ended = 0;
        grains.ActivationEnded += _ => Interlocked.Increment(ref ended);
        var key = NewKey();
        var worker = grains.WorkerGrain(key);
        Assert.Equal(1, await worker.Bump());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await worker.BumpAndSave());

        Assert.Contains("stateless worker", error.Message);
        Assert.Contains("SaveState()", error.Message);
        Assert.Contains(worker.Id.ToString(), error.Message);
        Assert.Equal(1, await worker.Get());
        Assert.Equal(2, await worker.Bump());
        Assert.Equal(1, WorkerGrain.Activations[key]);
        Assert.Equal(1, grains.ActivationCount);
        Assert.Equal(0, Volatile.Read(ref ended));
        Assert.Equal(0, storage.Writes);
    }

    [Fact]
    public async Task Deferred_replies_are_kept_per_activation_and_fail_when_it_deactivates()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = 1 });
        var key = NewKey();
        var worker = grains.WorkerGrain(key);

        var first = worker.Wait().AsTask();
        var second = worker.Wait().AsTask();
        Assert.Equal(2, await worker.ReleaseWaiting(7));
        Assert.Equal(7, await first);
        Assert.Equal(7, await second);

        var abandoned = worker.Wait().AsTask();
        await worker.Retire();

        await Assert.ThrowsAsync<GrainDeactivatedException>(() => abandoned);
        Assert.False(grains.IsActive(worker.Id));
        Assert.Equal(0, grains.ActivationCount);

        // Nothing was stored: the next activation starts from the initial state.
        Assert.Equal(0, await worker.Get());
        Assert.Equal(2, WorkerGrain.Activations[key]);
    }

    [Fact]
    public async Task Idle_collection_ends_each_worker_activation_on_its_own()
    {
        var clock = new FakeTimeProvider();
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { TimeProvider = clock, MaxStatelessWorkerActivations = 2 });
        using var ended = new SemaphoreSlim(0);
        grains.ActivationEnded += _ => ended.Release();
        var key = NewKey();
        var gate = TurnGate.Register(key, awaitedEntries: 2);
        var worker = grains.WorkerGrain(key);
        var held = new[] { worker.Hold().AsTask(), worker.Hold().AsTask() };
        await gate.Entered.WaitAsync(Patience);
        gate.Open();
        await Task.WhenAll(held).WaitAsync(Patience);
        Assert.Equal(2, grains.ActivationCount);

        // One activation takes a turn at minute 14; the other has been quiet since minute 1 and goes at minute 16.
        clock.AdvanceInSteps(TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(1));
        await worker.Get();
        clock.AdvanceInSteps(TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(1));

        Assert.True(await ended.WaitAsync(Patience));
        Assert.Equal(1, grains.ActivationCount);
        Assert.True(grains.IsActive(worker.Id));

        clock.AdvanceInSteps(TimeSpan.FromMinutes(15), TimeSpan.FromMinutes(1));

        Assert.True(await ended.WaitAsync(Patience));
        Assert.Equal(0, grains.ActivationCount);
        Assert.False(grains.IsActive(worker.Id));
        Assert.Equal(0, await worker.Get());
        Assert.Equal(3, WorkerGrain.Activations[key]);
    }

    [Fact]
    public async Task Calls_racing_with_deactivations_all_complete_and_the_limit_holds()
    {
        const int limit = 3;
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = limit });
        var worker = grains.WorkerGrain(NewKey());

        // Every tenth message ends the activation that runs it; messages queued behind it must reach another one.
        var calls = new Task[2000];
        Parallel.For(0, calls.Length, i => calls[i] = i % 10 == 0 ? worker.Retire().AsTask() : worker.Bump().AsTask());
        await Task.WhenAll(calls).WaitAsync(Patience);

        Assert.InRange(grains.ActivationCount, 0, limit);
    }

    [Fact]
    public void A_declared_worker_that_names_a_provider_fails_the_runtime_start_naming_the_grain()
    {
        var options = new InProcessRuntimeOptions().AddGrain<CounterGrain>().AddGrain<StoredWorkerGrain>();
        options.Providers["workers"] = new MemoryGrainStateProvider();

        var error = Assert.Throws<InvalidOperationException>(() => new InProcessRuntime(options));

        Assert.Equal(Placement.StatelessWorker, options.Grains[1].Placement);
        Assert.Contains($"'{options.Grains[1].TypeName}'", error.Message);
        Assert.Contains("stateless worker", error.Message);
        Assert.Contains("'workers'", error.Message);
    }

    [Fact]
    public async Task An_undeclared_worker_that_names_a_provider_fails_its_messages_naming_the_grain()
    {
        using var grains = new InProcessRuntime();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await grains.StoredWorkerGrain("x").Get());

        Assert.Contains("StoredWorkerGrain", error.Message);
        Assert.Contains("stateless worker", error.Message);
        Assert.Equal(0, grains.ActivationCount);
    }

    [Fact]
    public void The_limit_defaults_to_the_processor_count_and_must_be_at_least_one()
    {
        Assert.Equal(Environment.ProcessorCount, new InProcessRuntimeOptions().MaxStatelessWorkerActivations);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new InProcessRuntime(new InProcessRuntimeOptions { MaxStatelessWorkerActivations = 0 }));

        Assert.Equal(nameof(InProcessRuntimeOptions.MaxStatelessWorkerActivations), error.ParamName);
    }

    private static string NewKey() => Guid.NewGuid().ToString("N");
}
