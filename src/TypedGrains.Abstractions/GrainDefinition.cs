using System;
using System.Buffers;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains;

/// <summary>
/// What a runtime knows about one grain type without naming it statically: its name, key kind, placement, provider,
/// state codec and class, and a dispatcher from (method id, argument bytes) to reply bytes. Every definition is a
/// <see cref="GrainDefinition{TGrain}"/>; hosts find them by type name in <see cref="Backend.GrainCatalog"/>.
/// </summary>
public abstract class GrainDefinition
{
    private protected GrainDefinition(string typeName, GrainKeyKind keyKind, Placement placement, string? provider)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        TypeName = typeName;
        KeyKind = keyKind;
        Placement = placement;
        Provider = provider;
    }

    /// <summary>The stable grain type name used in <see cref="GrainId"/>.</summary>
    public string TypeName { get; }

    /// <summary>The kind of key of the grain.</summary>
    public GrainKeyKind KeyKind { get; }

    /// <summary>The placement strategy.</summary>
    public Placement Placement { get; }

    /// <summary>The state provider name, or <c>null</c> for the default provider.</summary>
    public string? Provider { get; }

    /// <summary>The grain class.</summary>
    public abstract Type GrainClass { get; }

    /// <summary>
    /// Whether the grain keeps a state (derives from <see cref="Grain{TState}"/>); <c>false</c> for a grain deriving
    /// directly from <see cref="Grain"/>, which has nothing to load or save.
    /// </summary>
    public virtual bool HasState => true;

    /// <summary>
    /// Whether an activation of this grain loads and saves state: it has one (<see cref="HasState"/>) and is not a
    /// stateless worker. Every backend asks this one rule.
    /// </summary>
    public bool StoresState => HasState && Placement != Placement.StatelessWorker;

    /// <summary>
    /// Whether none of the grain's own code continues after an <c>await</c>: the generator sets it when the grain's
    /// declaration holds no <c>await</c> and no <c>async</c> member, method or lambda. Code of such a grain runs only
    /// while the runtime runs its turn, so a backend may make the turn current for that stretch alone instead of
    /// flowing it through the grain's awaits (the in-process runtime then keeps no execution context per activation).
    /// Work a handler starts on another thread without awaiting it (<c>Task.Run</c>, <c>ContinueWith</c>) is outside
    /// the turn either way; its casts are sent at once.
    /// </summary>
    public virtual bool RunsSynchronously => false;

    /// <summary>
    /// Encodes and decodes the grain's state for providers that store bytes. The generator overrides it with the
    /// grain's generated MessagePack codec.
    /// </summary>
    public virtual IStateCodec StateCodec => MissingStateCodec.Instance;

    /// <summary>
    /// Hands the grain's static type to <paramref name="visitor"/>: how a backend that found this definition by name
    /// (in <see cref="Backend.GrainCatalog"/>) creates a typed activation without reflection.
    /// </summary>
    public abstract TResult Accept<TResult>(Backend.IGrainTypeVisitor<TResult> visitor);

    /// <summary>
    /// Runs the serialized request <paramref name="methodId"/> on <paramref name="grain"/> through
    /// <paramref name="runtime"/>'s typed methods and writes the reply to <paramref name="reply"/> with the reply
    /// type's MessagePack formatter: the reply value of a call, nil for a call without a value (once its turn has
    /// committed) and for a cast (once it is enqueued).
    /// </summary>
    /// <param name="runtime">The runtime that runs the request; grain references in the arguments are bound to it.</param>
    /// <param name="grain">The grain, of this definition's type.</param>
    /// <param name="methodId">The handler's method id.</param>
    /// <param name="arguments">The arguments as the request's generated formatter writes them (a MessagePack array).</param>
    /// <param name="reply">Where the reply bytes go.</param>
    /// <param name="cancellationToken">Handed to the runtime's typed call methods (not to casts).</param>
    /// <returns>Completes when the reply is written.</returns>
    /// <exception cref="ArgumentException"><paramref name="grain"/> is not of this definition's type.</exception>
    /// <exception cref="UnknownGrainMethodException">No handler of this grain has <paramref name="methodId"/>.</exception>
    /// <exception cref="Serialization.MessagePackSerializationException">The argument bytes do not fit the handler.</exception>
    public abstract ValueTask DispatchAsync(
        IGrainRuntime runtime,
        GrainId grain,
        uint methodId,
        ReadOnlySequence<byte> arguments,
        IBufferWriter<byte> reply,
        CancellationToken cancellationToken);
}
