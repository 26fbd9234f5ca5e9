using System;

namespace TypedGrains.Runtime;

/// <summary>A caller waiting on a deferred reply, held by the <see cref="PendingCallerTable"/>.</summary>
internal interface IPendingCaller
{
    /// <summary>The activation whose turn accepted the call; its end fails the caller.</summary>
    ActivationBase Owner { get; }

    /// <summary>Releases <paramref name="value"/> to the caller.</summary>
    void Complete<T>(T value);

    /// <summary>Fails the caller.</summary>
    void Fail(Exception error);
}
