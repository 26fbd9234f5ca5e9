using System;
using System.Buffers;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Messaging;

namespace TypedGrains.Backend;

/// <summary>
/// The one implementation of <see cref="GrainDefinition.DispatchAsync"/>; each generated definition forwards to it
/// with its own grain type, which the runtime's typed methods need.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class GrainRequestDispatcher
{
    /// <summary>Runs a serialized request on <paramref name="grain"/> and writes its reply; see <see cref="GrainDefinition.DispatchAsync"/>.</summary>
    /// <typeparam name="TGrain">The grain type.</typeparam>
    /// <param name="runtime">The runtime that runs the request; grain references in the arguments are bound to it.</param>
    /// <param name="grain">The grain, of <typeparamref name="TGrain"/>'s type name.</param>
    /// <param name="methodId">The handler's method id.</param>
    /// <param name="arguments">The arguments as the request's generated formatter writes them.</param>
    /// <param name="reply">Where the reply bytes go.</param>
    /// <param name="cancellationToken">Handed to the runtime's call.</param>
    /// <returns>Completes when the reply is written.</returns>
    public static ValueTask DispatchAsync<TGrain>(
        IGrainRuntime runtime,
        GrainId grain,
        uint methodId,
        ReadOnlySequence<byte> arguments,
        IBufferWriter<byte> reply,
        CancellationToken cancellationToken)
        where TGrain : Grain, IGrain<TGrain>
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(reply);
        GrainDefinition<TGrain> definition = TGrain.Definition;
        if (grain.IsDefault || !string.Equals(grain.Type, definition.TypeName, StringComparison.Ordinal))
        {
            throw new ArgumentException(
                $"The grain '{grain}' is not of type '{definition.TypeName}', whose definition was asked to dispatch to it.", nameof(grain));
        }

        var visitor = new ReplyWritingVisitor<TGrain>(runtime, grain, reply, cancellationToken);
        definition.Dispatch(methodId, new MessagePackArgumentReader(arguments, runtime), ref visitor);
        return visitor.Completion;
    }
}
