using System;
using System.Threading;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;
using Orleans.Placement;
using Orleans.Runtime;
using TypedGrains.Backend;
using TypedGrains.Orleans.Wire;
using TypedGrains.Runtime;

namespace TypedGrains.Orleans.Hosting;

/// <summary>
/// The Orleans grain that hosts one TypedGrains grain id: it finds the grain's definition by type name in the
/// <see cref="GrainCatalog"/> and runs every message through a <see cref="HostedActivation{TGrain}"/>. Reentrant, so a
/// deferred call can wait for its reply while later messages run; the hosted activation runs one turn at a time.
/// </summary>
[Reentrant]
public abstract class GrainHost : global::Orleans.Grain, IGrainHost, IRemindable, IGrainHostServices
{
    /// <summary>The arguments of a tick: an empty MessagePack array.</summary>
    private static readonly byte[] NoArguments = [0x90];

    private readonly OrleansGrainRuntime _runtime;
    private IHostedActivation? _activation;
    private GrainId _id;

    private protected GrainHost(OrleansGrainRuntime runtime) => _runtime = runtime;

    /// <inheritdoc/>
    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var id = _id = HostKey.Parse(this.GetPrimaryKeyString());
        try
        {
            _activation = GrainAssemblies.Find(id.Type).Accept(new HostedActivationFactory(_runtime, id, this));
        }
        catch (Exception error) when (error is UnknownGrainTypeException or GrainTypeConflictException)
        {
            // Orleans cannot carry these exceptions to the caller; the reply bytes can.
            _activation = new FailedActivation(_runtime, id, error, this);
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public ValueTask<Immutable<byte[]>> Call(uint methodId, Immutable<byte[]> arguments)
    {
        if (GrainInstrumentation.Source.HasListeners())
        {
            return TracedCallAsync(methodId, arguments.Value);
        }

        var reply = _activation!.CallAsync(methodId, arguments.Value);
        return reply.IsCompletedSuccessfully ? new(new Immutable<byte[]>(reply.Result)) : AwaitReplyAsync(reply);
    }

    /// <inheritdoc/>
    public async Task Cast(uint methodId, Immutable<byte[]> arguments)
    {
        using var span = TraceContextHeader.StartTurn(_id, isCall: false, fallbackMethod: "cast");
        await _activation!.CastAsync(methodId, arguments.Value);
    }

    private static async ValueTask<Immutable<byte[]>> AwaitReplyAsync(ValueTask<byte[]> reply) => new(await reply);

    /// <summary>The call as a turn span, a child of the sender's span carried in the request context.</summary>
    private async ValueTask<Immutable<byte[]>> TracedCallAsync(uint methodId, byte[] arguments)
    {
        using var span = TraceContextHeader.StartTurn(_id, isCall: true, fallbackMethod: "call");
        return new(await _activation!.CallAsync(methodId, arguments));
    }

    /// <summary>An Orleans reminder of a TypedGrains reminder fired: run its tick handler as a turn.</summary>
    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (OrleansGrainRuntime.TryParseName(reminderName) is { } tick)
        {
            using var span = TraceContextHeader.StartTurn(_id, isCall: false, fallbackMethod: tick.Name);
            // A failed tick leaves the reminder registered: Orleans fires it again at its next period (at least once).
            await _activation!.CallAsync(tick.MethodId, NoArguments);
        }
    }

    void IGrainHostServices.Deactivate() => DeactivateOnIdle();

    IDisposable IGrainHostServices.StartTimer(uint methodId, TimeSpan dueTime, TimeSpan period, bool keepAlive) =>
        this.RegisterGrainTimer(
            static (state, _) => state.Host._activation!.CastAsync(state.MethodId, NoArguments),
            (Host: this, MethodId: methodId),
            new GrainTimerCreationOptions(dueTime, period) { KeepAlive = keepAlive });

    Task IGrainHostServices.RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period) =>
        this.RegisterOrUpdateReminder(name, dueTime, period);

    async Task IGrainHostServices.UnregisterReminderAsync(string name)
    {
        if (await this.GetReminder(name) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    /// <inheritdoc/>
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken) =>
        _activation?.DeactivateAsync(cancellationToken) ?? Task.CompletedTask;
}

/// <summary>Hosts <see cref="Placement.PreferLocal"/> grains: activated on the caller's silo when it can.</summary>
[PreferLocalPlacement]
public sealed class PreferLocalGrainHost : GrainHost, IPreferLocalGrainHost
{
    /// <summary>Created by Orleans.</summary>
    public PreferLocalGrainHost(OrleansGrainRuntime runtime)
        : base(runtime)
    {
    }
}

/// <summary>Hosts <see cref="Placement.Random"/> grains: activated on a random compatible silo.</summary>
[RandomPlacement]
public sealed class RandomGrainHost : GrainHost, IRandomGrainHost
{
    /// <summary>Created by Orleans.</summary>
    public RandomGrainHost(OrleansGrainRuntime runtime)
        : base(runtime)
    {
    }
}

/// <summary>Hosts <see cref="Placement.Hash"/> grains: activated on the silo a stable hash of the grain id picks.</summary>
[HashBasedPlacement]
public sealed class HashGrainHost : GrainHost, IHashGrainHost
{
    /// <summary>Created by Orleans.</summary>
    public HashGrainHost(OrleansGrainRuntime runtime)
        : base(runtime)
    {
    }
}

/// <summary>Hosts <see cref="Placement.StatelessWorker"/> grains: several activations per id, on the caller's silo.</summary>
[StatelessWorker]
public sealed class StatelessWorkerGrainHost : GrainHost, IStatelessWorkerGrainHost
{
    /// <summary>Created by Orleans.</summary>
    public StatelessWorkerGrainHost(OrleansGrainRuntime runtime)
        : base(runtime)
    {
    }
}
