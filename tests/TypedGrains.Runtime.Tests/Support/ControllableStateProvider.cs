using System;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Persistence;

namespace TypedGrains.Runtime.Tests.Support;

/// <summary>
/// An in-memory provider a test can hold open (to observe save-before-reply) or break (to inject storage failures).
/// </summary>
public sealed class ControllableStateProvider : IGrainStateProvider
{
    private readonly MemoryGrainStateProvider _inner = new();
    private TaskCompletionSource? _gate;
    private int _writes;

    /// <summary>When set, reads and writes throw this exception.</summary>
    public Exception? FailWith { get; set; }

    /// <summary>Completed writes.</summary>
    public int Writes => Volatile.Read(ref _writes);

    /// <summary>Completes when a write has started and is held by <see cref="HoldWrites"/>.</summary>
    public TaskCompletionSource WriteStarted { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Makes the next writes wait until <see cref="ReleaseWrites"/>.</summary>
    public void HoldWrites()
    {
        WriteStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Lets held writes complete.</summary>
    public void ReleaseWrites()
    {
        var gate = _gate;
        _gate = null;
        gate?.TrySetResult();
    }

    public ValueTask<StoredState?> ReadAsync(GrainId grain, IStateCodec codec, CancellationToken cancellationToken = default)
    {
        if (FailWith is { } error)
        {
            throw error;
        }

        return _inner.ReadAsync(grain, codec, cancellationToken);
    }

    public async ValueTask<long> WriteAsync(GrainId grain, object? state, IStateCodec codec, long expectedETag, CancellationToken cancellationToken = default)
    {
        if (_gate is { } gate)
        {
            WriteStarted.TrySetResult();
            await gate.Task.ConfigureAwait(false);
        }

        if (FailWith is { } error)
        {
            throw error;
        }

        var etag = await _inner.WriteAsync(grain, state, codec, expectedETag, cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _writes);
        return etag;
    }

    public ValueTask ClearAsync(GrainId grain, long expectedETag, CancellationToken cancellationToken = default) =>
        _inner.ClearAsync(grain, expectedETag, cancellationToken);
}
