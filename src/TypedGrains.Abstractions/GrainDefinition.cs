using System;
using System.Buffers;
using TypedGrains.Persistence;

namespace TypedGrains;

/// <summary>
/// What the runtime knows about one grain type: its name, key kind, placement and provider, how to create an
/// instance, and how to turn a method id plus arguments back into a typed request. The generator emits one per grain.
/// </summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
public abstract class GrainDefinition<TGrain>
    where TGrain : Grain
{
    /// <summary>Creates the definition.</summary>
    protected GrainDefinition(string typeName, GrainKeyKind keyKind, Placement placement, string? provider)
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

    /// <summary>
    /// Encodes and decodes the grain's state for providers that store bytes. The generator overrides it with the
    /// grain's generated MessagePack codec.
    /// </summary>
    public virtual IStateCodec StateCodec => MissingStateCodec.Instance;

    /// <summary>Creates a new, unactivated grain instance.</summary>
    public abstract TGrain Create();

    /// <summary>
    /// Reads the arguments of handler <paramref name="methodId"/> from <paramref name="arguments"/> and hands the
    /// typed request to <paramref name="visitor"/>. Transports that carry serialized messages enter here.
    /// </summary>
    /// <exception cref="UnknownGrainMethodException">No handler of this grain has <paramref name="methodId"/>.</exception>
    public abstract void Dispatch<TVisitor>(uint methodId, IArgumentReader arguments, ref TVisitor visitor)
        where TVisitor : IRequestVisitor<TGrain>;

    /// <summary>Creates the error for an unknown method id.</summary>
    protected UnknownGrainMethodException UnknownMethod(uint methodId) => new(TypeName, methodId);
}

/// <summary>The codec of a grain without generated serialization: any use names the problem.</summary>
internal sealed class MissingStateCodec : IStateCodec
{
    public static readonly MissingStateCodec Instance = new();

    public void Write(object? state, IBufferWriter<byte> output) => throw Missing();

    public object? Read(ReadOnlySequence<byte> input) => throw Missing();

    private static NotSupportedException Missing() =>
        new("This grain type has no generated state codec, so its state cannot be stored as bytes.");
}
