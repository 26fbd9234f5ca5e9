using System;
using System.Threading;
using System.Threading.Tasks.Sources;
using TypedGrains.Runtime.Envelopes;

namespace TypedGrains.Runtime;

/// <summary>
/// A message whose outcome a caller awaits. The envelope is its own pooled <see cref="IValueTaskSource{TResult}"/>,
/// answered exactly once by whichever comes first: the turn, the call timeout, the caller's cancellation, or the
/// runtime's end. Two owners hold it, the caller (until it read the outcome) and the mailbox (until it is done with
/// the message, which may be after a timed-out caller went on); it returns to its pool when both let go.
/// Continuations never run on the thread that answers.
/// </summary>
internal abstract class ReplyEnvelope<TGrain, TReply> : Envelope<TGrain>, IValueTaskSource<TReply>, IValueTaskSource, IInFlightCall
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly InFlightEntry _entry;
    private ManualResetValueTaskSourceCore<TReply> _core = new() { RunContinuationsAsynchronously = true };
    private InProcessRuntime? _runtime;
    private CancellationToken _token;
    private CancellationTokenRegistration _cancellation;
    private GrainId _grain;
    private int _answered;
    private int _owners;

    protected ReplyEnvelope() => _entry = new InFlightEntry(this);

    /// <summary>The runtime the call was sent on.</summary>
    protected InProcessRuntime Runtime => _runtime!;

    /// <summary>Whether the caller has been answered (a timed-out or cancelled call's turn is then not run).</summary>
    public bool IsAnswered => Volatile.Read(ref _answered) != 0;

    /// <summary>The handler's name, for the timeout message.</summary>
    protected abstract string MethodName { get; }

    /// <inheritdoc/>
    public override string? Method => MethodName;

    /// <summary>Registers the call as in flight and returns the value task the caller awaits.</summary>
    protected short Start(InProcessRuntime runtime, GrainId grain, CancellationToken cancellationToken)
    {
        _runtime = runtime;
        _grain = grain;
        _answered = 0;
        _owners = 2;
        runtime.Calls.Add(_entry);
        if (cancellationToken.CanBeCanceled)
        {
            _token = cancellationToken;
            _cancellation = cancellationToken.UnsafeRegister(static state => ((ReplyEnvelope<TGrain, TReply>)state!).Cancel(), this);
        }

        return _core.Version;
    }

    /// <summary>Posts the started envelope; a refusal answers the caller with the error.</summary>
    protected void Post()
    {
        try
        {
            _runtime!.Post(_grain, this);
        }
        catch (Exception error)
        {
            Fail(error);
        }
    }

    /// <summary>Answers the caller with <paramref name="reply"/> unless it was answered already.</summary>
    public bool TrySetResult(TReply reply)
    {
        if (!TryAnswer())
        {
            return false;
        }

        _core.SetResult(reply);
        return true;
    }

    /// <summary>Answers the caller with <paramref name="error"/> unless it was answered already.</summary>
    public bool TryFail(Exception error)
    {
        if (!TryAnswer())
        {
            return false;
        }

        _core.SetException(error);
        return true;
    }

    /// <inheritdoc/>
    public override void Fail(Exception error)
    {
        TryFail(error);
        ReleaseFromMailbox();
    }

    /// <summary>The mailbox is done with the message.</summary>
    public void ReleaseFromMailbox() => ReleaseOwner();

    void IInFlightCall.Expire(TimeSpan timeout)
    {
        var runtime = _runtime;
        var grain = _grain;
        if (TryFail(new TimeoutException(
            $"The call to {MethodName} on grain '{_grain}' did not complete within {timeout} (InProcessRuntimeOptions.CallTimeout). " +
            "Its outcome is unknown: the turn may still run, or have run.")))
        {
            runtime?.ReportTimeout(grain, MethodName, timeout);
        }
    }

    void IInFlightCall.Abandon(Exception error) => TryFail(error);

    /// <summary>Runs after the answer was claimed and before the caller can see it (a deferred call leaves the pending table here).</summary>
    protected virtual void OnAnswering()
    {
    }

    /// <summary>Clears the request and returns the envelope to its pool.</summary>
    protected abstract void Recycle();

    private bool TryAnswer()
    {
        if (Interlocked.Exchange(ref _answered, 1) != 0)
        {
            return false;
        }

        _runtime!.Calls.Remove(_entry);
        if (_token.CanBeCanceled)
        {
            // Waits for a cancellation callback running on another thread (it lost the race and returns at once), so
            // the callback never sees this envelope recycled.
            _cancellation.Dispose();
            _cancellation = default;
            _token = default;
        }

        OnAnswering();
        return true;
    }

    private void Cancel() => TryFail(new OperationCanceledException(
        $"The call to {MethodName} on grain '{_grain}' was cancelled by its caller; the turn may still run.", _token));

    private void ReleaseOwner()
    {
        if (Interlocked.Decrement(ref _owners) == 0)
        {
            _core.Reset();
            _runtime = null;
            _grain = default;
            Recycle();
        }
    }

    TReply IValueTaskSource<TReply>.GetResult(short token)
    {
        try
        {
            return _core.GetResult(token);
        }
        finally
        {
            ReleaseOwner();
        }
    }

    void IValueTaskSource.GetResult(short token) => ((IValueTaskSource<TReply>)this).GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<TReply>.GetStatus(short token) => _core.GetStatus(token);

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token) => _core.GetStatus(token);

    void IValueTaskSource<TReply>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);

    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}
