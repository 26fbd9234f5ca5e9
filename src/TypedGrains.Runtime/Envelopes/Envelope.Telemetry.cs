using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace TypedGrains.Runtime.Envelopes;

/// <summary>The trace context a message carries from its sender to its turn.</summary>
internal abstract partial class Envelope<TGrain>
{
    /// <summary>
    /// The sender's span (W3C trace context) when someone listened as it was sent; the turn's span is its child. Set
    /// by the runtime as the message leaves its sender, read and cleared by the activation that runs the turn. Boxed,
    /// and only while someone listens, so that every envelope (and every backlog of casts) stays small.
    /// </summary>
    public StrongBox<ActivityContext>? TraceParent;

    /// <summary>The handler's name, for spans and logs; <c>null</c> for the runtime's own messages.</summary>
    public virtual string? Method => null;
}
