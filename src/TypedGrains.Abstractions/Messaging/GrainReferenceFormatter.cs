using System;
using TypedGrains.Serialization;

namespace TypedGrains.Messaging;

/// <summary>
/// Writes a generated grain reference as its <see cref="GrainId"/> (see <see cref="GrainIdFormatter"/>). A reference
/// read back is bound to the <see cref="IGrainRuntime"/> in <see cref="MessagePackReader.Context"/>; without one it is
/// unbound, and sending through it throws <see cref="UnboundReferenceException"/>.
/// </summary>
/// <typeparam name="TReference">The generated reference struct.</typeparam>
public sealed class GrainReferenceFormatter<TReference> : IMessagePackFormatter<TReference>
    where TReference : struct, IGrainReference
{
    private readonly Func<IGrainRuntime?, GrainId, TReference> _create;

    /// <summary>Creates the formatter with the reference struct's constructor.</summary>
    /// <param name="create">Creates a reference from a runtime (possibly <c>null</c>) and an id.</param>
    public GrainReferenceFormatter(Func<IGrainRuntime?, GrainId, TReference> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        _create = create;
    }

    /// <inheritdoc />
    public void Serialize(ref MessagePackWriter writer, TReference value) =>
        GrainIdFormatter.Instance.Serialize(ref writer, value.Id);

    /// <inheritdoc />
    public TReference Deserialize(ref MessagePackReader reader)
    {
        GrainId id = GrainIdFormatter.Instance.Deserialize(ref reader);
        return id.IsDefault ? default : _create(reader.Context as IGrainRuntime, id);
    }
}
