using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using TypedGrains.Persistence;

namespace TypedGrains.Runtime;

/// <summary>Settings of an <see cref="InProcessRuntime"/>.</summary>
public sealed partial class InProcessRuntimeOptions
{
    private readonly List<GrainRegistration> _grains = new();

    /// <summary>An activation that received no message for this long is collected. Default: 15 minutes.</summary>
    public TimeSpan IdleCollectionAge { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often idle activations are looked for. Default: a quarter of <see cref="IdleCollectionAge"/>, at most one minute.</summary>
    public TimeSpan? IdleCollectionInterval { get; set; }

    /// <summary>The clock of idle collection; tests pass a fake one. Default: <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>How many messages one activation processes before it yields its thread-pool thread. Default: 64.</summary>
    public int TurnBudget { get; set; } = 64;

    /// <summary>
    /// Whether a call to an activation with nothing queued runs its turn on the caller's thread, until the turn first
    /// awaits something that is not complete (then it continues on the thread pool, as every turn does). The turn
    /// still runs alone, in the grain's context and not in the caller's synchronization context; a turn that completes
    /// synchronously has answered before the call returns, with no thread hop. Casts never run inline (their sender
    /// goes on at once), and neither do calls on a <see cref="Scheduler"/> other than the thread pool. Turn it off when
    /// handlers block their thread for long stretches (they should not: TG0013). Default: <c>true</c>.
    /// </summary>
    public bool RunCallsInline { get; set; } = true;

    /// <summary>
    /// The most activations one stateless-worker grain id (<see cref="Placement.StatelessWorker"/>) may have at once.
    /// A message to such an id goes to one of its activations that is not busy; when all are busy a new one is
    /// created, up to this limit; at the limit the message queues behind one of the busy activations. Other grains
    /// always have exactly one activation per id. Default: <see cref="Environment.ProcessorCount"/>; at least 1.
    /// </summary>
    public int MaxStatelessWorkerActivations { get; set; } = Environment.ProcessorCount;

    /// <summary>The provider of grains that name none. Default: a new <see cref="MemoryGrainStateProvider"/>.</summary>
    public IGrainStateProvider DefaultProvider { get; set; } = new MemoryGrainStateProvider();

    /// <summary>Named providers, matched against <see cref="GrainAttribute.Provider"/> (ordinal).</summary>
    public IDictionary<string, IGrainStateProvider> Providers { get; } = new Dictionary<string, IGrainStateProvider>(StringComparer.Ordinal);

    /// <summary>
    /// How long a caller waits for a call's reply (a deferred call's too) before it fails with a
    /// <see cref="TimeoutException"/> naming the grain and the method; also the limit of one state load or save, so a
    /// frozen database fails the turn instead of holding the activation. A timed-out call's outcome is unknown: a turn
    /// that had not started by then does not run, one that had started may still commit. Default: 30 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan CallTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long <see cref="InProcessRuntime.StopAsync"/> waits for mailboxes to drain and activations to deactivate
    /// before it fails every caller still waiting. Default: 30 seconds; <see cref="Timeout.InfiniteTimeSpan"/> for no limit.
    /// </summary>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The most messages one activation's mailbox holds (0, the default: unbounded). When it is full, a new message
    /// is refused with <see cref="MailboxFullException"/>: a call's caller receives it, a cast's sender gets it thrown
    /// by the reference method, and a cast a turn sent is reported to <see cref="CastFailed"/> when the turn commits.
    /// Messages accepted before are never refused: those that follow their grain to a new activation, and the runtime's
    /// own (idle collection, stop). Counting costs an interlocked operation per message, paid only when a limit is set.
    /// </summary>
    public int MaxMailboxLength { get; set; }

    /// <summary>Runs mailboxes. Default: <see cref="ThreadPoolMailboxScheduler.Instance"/>; tests pass a <see cref="SynchronousMailboxScheduler"/>.</summary>
    public IMailboxScheduler Scheduler { get; set; } = ThreadPoolMailboxScheduler.Instance;

    /// <summary>Called when a cast handler throws or a cast cannot be delivered (a cast has no caller to receive the exception).</summary>
    public Action<GrainId, Exception>? CastFailed { get; set; }

    /// <summary>
    /// Where durable reminders are kept. Default: a <see cref="Reminders.MemoryReminderTable"/> of this options object
    /// (reminders live as long as it does); use the SQLite or PostgreSQL reminder table to survive a restart. A failed
    /// reminder tick, or a failed pass over the table, is reported to <see cref="CastFailed"/>.
    /// </summary>
    public TypedGrains.Reminders.IReminderTable ReminderTable { get; set; } = new Reminders.MemoryReminderTable();

    /// <summary>
    /// The longest time the runtime waits before it looks at the reminder table again (it also wakes for the earliest
    /// due reminder it knows of), which bounds how late a reminder written by another process fires. Default: 1 minute.
    /// </summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Called when a grain's <c>OnDeactivateAsync</c> (or the save it asked for) fails; the activation ends regardless.</summary>
    public Action<GrainId, Exception>? DeactivationFailed { get; set; }

    /// <summary>
    /// Called when a deferred reply of grain (first argument) reaches no waiting caller, and is dropped: its token was
    /// issued by another runtime incarnation (kept in stored state across a restart, see <see cref="InProcessRuntime.Incarnation"/>),
    /// or its caller was already answered (timeout, cancellation, end of the activation). The replying turn still commits.
    /// </summary>
    public Action<GrainId, CallerId>? ReplyDropped { get; set; }

    /// <summary>The grain types declared with <see cref="AddGrain{TGrain}"/>, checked when the runtime starts.</summary>
    public IReadOnlyList<GrainRegistration> Grains => _grains;

    /// <summary>
    /// Declares that this runtime hosts <typeparamref name="TGrain"/>, so that the runtime's constructor can check that
    /// the grain's state provider is registered and fail at start (naming the grain and the provider) rather than at
    /// the grain's first message; a stateless worker that names a provider fails the start too, since stateless
    /// workers store nothing. Grains that are not declared still run; their provider is checked on their first message.
    /// </summary>
    /// <returns>These options, for chaining.</returns>
    public InProcessRuntimeOptions AddGrain<TGrain>()
        where TGrain : Grain, IGrain<TGrain>
    {
        var definition = TGrain.Definition;
        _grains.Add(new GrainRegistration(typeof(TGrain), definition.TypeName, definition.Provider)
        {
            Placement = definition.Placement,
            Dependencies = definition.Dependencies,
        });
        return this;
    }

    internal TimeSpan EffectiveCollectionInterval =>
        IdleCollectionInterval ?? TimeSpan.FromTicks(Math.Min(IdleCollectionAge.Ticks / 4, TimeSpan.FromMinutes(1).Ticks));

    internal void Validate()
    {
        if (IdleCollectionAge <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleCollectionAge), IdleCollectionAge, "The idle collection age must be positive.");
        }

        if (EffectiveCollectionInterval <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(IdleCollectionInterval), IdleCollectionInterval, "The idle collection interval must be positive.");
        }

        if (TurnBudget < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(TurnBudget), TurnBudget, "The turn budget must be at least 1.");
        }

        if (MaxStatelessWorkerActivations < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(MaxStatelessWorkerActivations), MaxStatelessWorkerActivations, "The stateless worker activation limit must be at least 1.");
        }

        if (CallTimeout <= TimeSpan.Zero && CallTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(CallTimeout), CallTimeout, "The call timeout must be positive, or Timeout.InfiniteTimeSpan.");
        }

        if (StopTimeout < TimeSpan.Zero && StopTimeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(StopTimeout), StopTimeout, "The stop timeout must not be negative, or Timeout.InfiniteTimeSpan.");
        }

        if (MaxMailboxLength < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxMailboxLength), MaxMailboxLength, "The mailbox length limit must be 0 (unbounded) or positive.");
        }

        ArgumentNullException.ThrowIfNull(Scheduler);
        ArgumentNullException.ThrowIfNull(TimeProvider);
        ArgumentNullException.ThrowIfNull(ReminderTable);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ReminderPollInterval, TimeSpan.Zero, nameof(ReminderPollInterval));
        ArgumentNullException.ThrowIfNull(DefaultProvider);
        ValidateProviders();
        ValidateDependencies();
    }

    /// <summary>
    /// Issue 4: every declared grain's named provider must be registered before the runtime starts, and a declared
    /// stateless worker must name none.
    /// </summary>
    private void ValidateProviders()
    {
        foreach (var grain in _grains)
        {
            if (grain.Placement == Placement.StatelessWorker && grain.Provider is not null)
            {
                throw new InvalidOperationException(StatelessWorkerProviderMessage(grain.TypeName, grain.Provider));
            }

            if (grain.Provider is not null && !Providers.ContainsKey(grain.Provider))
            {
                throw new InvalidOperationException(MissingProviderMessage(grain.TypeName, grain.Provider));
            }
        }
    }

    internal static string StatelessWorkerProviderMessage(string grain, string provider) =>
        $"Grain '{grain}' is a stateless worker (Placement.StatelessWorker) but names state provider '{provider}'. " +
        "Stateless workers never read or save state; remove Provider from its [Grain] attribute, or use another placement.";

    internal string MissingProviderMessage(string grain, string provider) =>
        $"Grain '{grain}' uses state provider '{provider}', which is not registered. Registered providers: " +
        $"{(Providers.Count == 0 ? "(none)" : string.Join(", ", Providers.Keys.OrderBy(k => k, StringComparer.Ordinal)))}.";
}
