using System;
using System.Collections.Generic;

namespace TypedGrains.Runtime.Timers;

/// <summary>
/// The timers of one activation by tick handler name. Changed by committed turns and ended with the activation, both
/// on the activation's mailbox; the lock covers the timer callbacks reading <see cref="GrainTimer{TGrain}.IsStopped"/>.
/// </summary>
internal sealed class ActivationTimers<TGrain>
    where TGrain : Grain, IGrain<TGrain>
{
    private readonly Activation<TGrain> _activation;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, GrainTimer<TGrain>> _timers = new(StringComparer.Ordinal);
    private bool _ended;

    public ActivationTimers(Activation<TGrain> activation, TimeProvider time)
    {
        _activation = activation;
        _time = time;
    }

    /// <summary>The number of running timers.</summary>
    public int Count
    {
        get
        {
            lock (_timers)
            {
                return _timers.Count;
            }
        }
    }

    /// <summary>Starts, restarts or stops the timer of the change's handler; nothing once the activation ended.</summary>
    public void Apply(TimerChange change)
    {
        lock (_timers)
        {
            if (_ended)
            {
                return;
            }

            if (_timers.Remove(change.Handler.Name, out var previous))
            {
                previous.Dispose();
            }

            if (!change.IsStart)
            {
                return;
            }

            var handler = (TickHandler<TGrain>)change.Handler;
            var timer = new GrainTimer<TGrain>(_activation, _time, handler, change.Period, change.KeepAlive);
            _timers.Add(handler.Name, timer);
            timer.Arm(change.DueTime);
        }
    }

    /// <summary>A single-tick timer fired: forget it, unless it was replaced meanwhile.</summary>
    public void Finished(GrainTimer<TGrain> timer)
    {
        lock (_timers)
        {
            if (_timers.TryGetValue(timer.Handler.Name, out var current) && ReferenceEquals(current, timer))
            {
                _timers.Remove(timer.Handler.Name);
                timer.Dispose();
            }
        }
    }

    /// <summary>Stops every timer for good: the activation ended.</summary>
    public void EndAll()
    {
        lock (_timers)
        {
            _ended = true;
            foreach (var timer in _timers.Values)
            {
                timer.Dispose();
            }

            _timers.Clear();
        }
    }
}
