using System.ComponentModel;
using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;

namespace TypedGrains.Orleans.Wire;

/// <summary>
/// The one Orleans grain interface behind every TypedGrains grain: a grain id (encoded as the Orleans string key by
/// <see cref="HostKey"/>) receives (method id, MessagePack argument bytes) and answers with reply bytes
/// (<see cref="WireReply"/>). Only these bytes cross Orleans; Orleans neither copies nor inspects them.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IGrainHost : IGrainWithStringKey
{
    /// <summary>
    /// Runs a call (a deferred one included) and returns its <see cref="WireReply"/> bytes. A <see cref="ValueTask{TResult}"/>:
    /// Orleans then hands the caller its pooled completion source and the host grain a turn that completed synchronously
    /// as a value, with no <see cref="Task"/> on either side.
    /// </summary>
    ValueTask<Immutable<byte[]>> Call(uint methodId, Immutable<byte[]> arguments);

    /// <summary>Runs a cast; nobody waits for it.</summary>
    [OneWay]
    Task Cast(uint methodId, Immutable<byte[]> arguments);
}

/// <summary>The host of grains placed with <see cref="Placement.PreferLocal"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IPreferLocalGrainHost : IGrainHost
{
}

/// <summary>The host of grains placed with <see cref="Placement.Random"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IRandomGrainHost : IGrainHost
{
}

/// <summary>The host of grains placed with <see cref="Placement.Hash"/>.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IHashGrainHost : IGrainHost
{
}

/// <summary>The host of <see cref="Placement.StatelessWorker"/> grains.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public interface IStatelessWorkerGrainHost : IGrainHost
{
}
