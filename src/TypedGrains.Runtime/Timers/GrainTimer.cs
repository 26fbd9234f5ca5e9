using System;
using System.Threading;

namespace TypedGrains.Runtime.Timers;

/// <summary>
/// One started timer of an activation: a one-shot <see cref="ITimer"/> on the runtime's clock, armed again after each
/// tick's turn, so ticks never pile up behind a slow handler. Its callback only posts a tick to the mailbox.
/// </summary>
internal sealed class GrainTimer<TGrain> : IDisposable
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly Activation<TGrain> _activation;
    private readonly ITimer _timer;
    private volatile bool _stopped;

    public GrainTimer(Activation<TGrain> activation, TimeProvider time, TickHandler<TGrain> handler, TimeSpan period, bool keepAlive)
    {
        _activation = activation;
        Handler = handler;
        Period = period;
        KeepAlive = keepAlive;
        _timer = time.CreateTimer(static state => ((GrainTimer<TGrain>)state!).OnDue(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public Activation<TGrain> Activation => _activation;

    public TickHandler<TGrain> Handler { get; }

    public TimeSpan Period { get; }

    public bool KeepAlive { get; }

    /// <summary>Whether the timer was stopped (replaced, stopped by a turn, or ended with its activation).</summary>
    public bool IsStopped => _stopped;

    public void Arm(TimeSpan dueTime)
    {
        if (!_stopped)
        {
            _timer.Change(dueTime, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>After a tick's turn: the next tick one period on, unless the timer ticks once.</summary>
    public void ArmNext()
    {
        if (Period != Timeout.InfiniteTimeSpan)
        {
            Arm(Period);
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _timer.Dispose();
    }

    private void OnDue()
    {
        if (!_stopped && !_activation.TryPostTick(this))
        {
            // Not posted (the mailbox is full or the runtime is stopping): this tick is skipped, the next one comes.
            ArmNext();
        }
    }
}
