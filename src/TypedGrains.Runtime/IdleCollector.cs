using System;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Periodically asks activations that have been quiet for the idle age to end themselves. The decision is made
/// again inside each activation's mailbox, so a message that arrives meanwhile keeps it alive.
/// </summary>
internal sealed class IdleCollector : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _age;
    private readonly Func<IEnumerable<ActivationBase>> _activations;
    private readonly ITimer _timer;

    public IdleCollector(TimeProvider time, TimeSpan age, TimeSpan interval, Func<IEnumerable<ActivationBase>> activations)
    {
        _time = time;
        _age = age;
        _activations = activations;
        _timer = time.CreateTimer(static state => ((IdleCollector)state!).Collect(), this, interval, interval);
    }

    public bool HasBeenIdleLongEnough(ActivationBase activation) =>
        _time.GetElapsedTime(activation.LastActive) >= _age;

    public void Collect()
    {
        foreach (var activation in _activations())
        {
            if (activation.PendingCallers == 0 && HasBeenIdleLongEnough(activation))
            {
                activation.RequestCollection();
            }
        }
    }

    public void Dispose() => _timer.Dispose();
}
