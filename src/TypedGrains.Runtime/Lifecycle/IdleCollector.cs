using System;
using System.Collections.Generic;
using System.Threading;

namespace TypedGrains.Runtime;

/// <summary>
/// Every interval, looks at each activation's turn count: one that changed restarts the activation's quiet period,
/// one that stayed the same for the idle age is asked to end itself. The mailbox re-checks the count, so a message
/// that arrives meanwhile keeps the activation alive. Activations read no clock per turn; an idle activation ends
/// between <c>age</c> and <c>age + interval</c> after its last turn.
/// </summary>
internal sealed class IdleCollector : IDisposable
{
    private readonly TimeProvider _time;
    private readonly TimeSpan _age;
    private readonly Func<IEnumerable<ActivationBase>> _activations;
    private readonly ITimer _timer;
    private int _collecting;

    public IdleCollector(TimeProvider time, TimeSpan age, TimeSpan interval, Func<IEnumerable<ActivationBase>> activations)
    {
        _time = time;
        _age = age;
        _activations = activations;
        _timer = time.CreateTimer(static state => ((IdleCollector)state!).Collect(), this, interval, interval);
    }

    public void Collect()
    {
        // Passes never overlap, so the collector-owned fields of activations have a single writer.
        if (Interlocked.Exchange(ref _collecting, 1) == 1)
        {
            return;
        }

        try
        {
            var now = _time.GetTimestamp();
            foreach (var activation in _activations())
            {
                var turns = activation.Turns;
                if (turns != activation.TurnsSeenByCollector)
                {
                    activation.TurnsSeenByCollector = turns;
                    activation.QuietSince = now;
                }
                else if (activation.PendingCallers == 0 && _time.GetElapsedTime(activation.QuietSince, now) >= _age)
                {
                    activation.RequestCollection(turns);
                }
            }
        }
        finally
        {
            Volatile.Write(ref _collecting, 0);
        }
    }

    public void Dispose() => _timer.Dispose();
}
