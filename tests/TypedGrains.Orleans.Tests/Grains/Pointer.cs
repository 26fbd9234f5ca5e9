using System;
using System.Threading.Tasks;

namespace TypedGrains.Orleans.Tests.Grains;

/// <summary>A handler's own exception type, outside the System and Microsoft namespaces Orleans would carry.</summary>
public sealed class PointerRefusedException : Exception
{
    public PointerRefusedException(string message)
        : base(message)
    {
    }
}

/// <summary>Passes references to <see cref="LocalWhere"/> grains in replies and arguments, and fails on request.</summary>
[Grain(Placement = Placement.PreferLocal)]
public sealed partial class Pointer : Grain
{
    [Call] public Guid Silo() => ((OrleansGrainRuntime)Grains.Runtime).Incarnation;

    /// <summary>Made on this grain's silo; the caller reads it bound to its own runtime.</summary>
    [Call] public LocalWhereRef Make(string key) => Grains.LocalWhere(key);

    /// <summary>Calls the reference the caller passed, as read on this grain's silo.</summary>
    [Call] public async Task<Guid> CallThrough(LocalWhereRef where) => await where.Silo();

    [Call] public void Refuse(string why) => throw new PointerRefusedException(why);

    [Call] public void Fail(string why) => throw new InvalidOperationException(why);
}
