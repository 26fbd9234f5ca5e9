using System;

namespace TypedGrains;

/// <summary>Implemented by a runtime: completes callers waiting on deferred calls.</summary>
public interface IDeferredReplySink
{
    /// <summary>Releases <paramref name="value"/> to the waiting <paramref name="caller"/>; unknown callers are ignored.</summary>
    void Complete<TReply>(CallerId caller, TReply value);

    /// <summary>Fails the waiting <paramref name="caller"/> with <paramref name="error"/>; unknown callers are ignored.</summary>
    void Fail(CallerId caller, Exception error);
}
