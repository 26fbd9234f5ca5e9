using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Reminders;

namespace TypedGrains;

/// <summary>Timer and reminder actions.</summary>
public abstract partial class Grain
{
    /// <summary>The shortest reminder period the runtime accepts; analyzer TG0020 warns below one minute.</summary>
    public static readonly TimeSpan MinimumReminderPeriod = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Starts (or restarts) the timer of <paramref name="handler"/> when this turn commits; a rolled-back turn starts
    /// nothing. Each tick is a turn through the mailbox that calls the handler. The timer ends with the activation;
    /// its ticks do not keep the activation from idle collection unless <paramref name="keepAlive"/> is set.
    /// </summary>
    /// <param name="handler">The tick handler, from the grain's generated <c>Ticks</c> class.</param>
    /// <param name="dueTime">Time from the commit to the first tick (zero or more).</param>
    /// <param name="period">
    /// Time from the end of one tick's turn to the next tick (more than zero), or
    /// <see cref="Timeout.InfiniteTimeSpan"/> for a single tick.
    /// </param>
    /// <param name="keepAlive">Whether ticks count as activity for idle collection.</param>
    protected void StartTimer(TickHandler handler, TimeSpan dueTime, TimeSpan period, bool keepAlive = false)
    {
        CheckHandler(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        if (period != Timeout.InfiniteTimeSpan)
        {
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        }

        Actions.AddTimer(new TimerChange(handler, IsStart: true, dueTime, period, keepAlive));
    }

    /// <summary>Stops the timer of <paramref name="handler"/> when this turn commits; a tick already queued does not run.</summary>
    protected void StopTimer(TickHandler handler)
    {
        CheckHandler(handler);
        Actions.AddTimer(new TimerChange(handler, IsStart: false, TimeSpan.Zero, Timeout.InfiniteTimeSpan, KeepAlive: false));
    }

    /// <summary>
    /// Registers (or re-registers) the durable reminder of <paramref name="handler"/> when this turn commits: it is
    /// stored by the runtime's reminder table before the turn's replies are released, and ticks whether or not the grain
    /// is active (a tick activates it), across restarts, at least once per due time.
    /// </summary>
    /// <param name="handler">The tick handler, from the grain's generated <c>Ticks</c> class.</param>
    /// <param name="dueTime">Time from the commit to the first due tick (zero or more).</param>
    /// <param name="period">Time between due ticks; keep it at one minute or more (TG0020).</param>
    protected void RegisterReminder(TickHandler handler, TimeSpan dueTime, TimeSpan period)
    {
        CheckHandler(handler);
        ArgumentOutOfRangeException.ThrowIfLessThan(dueTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(period, MinimumReminderPeriod);
        Actions.AddReminder(new ReminderChange(handler, IsRegister: true, dueTime, period));
    }

    /// <summary>Removes the durable reminder of <paramref name="handler"/> when this turn commits.</summary>
    protected void UnregisterReminder(TickHandler handler)
    {
        CheckHandler(handler);
        Actions.AddReminder(new ReminderChange(handler, IsRegister: false, TimeSpan.Zero, TimeSpan.Zero));
    }

    /// <summary>
    /// The committed reminders of this grain (a registration of the running turn shows once the turn committed),
    /// ordinally sorted by name.
    /// </summary>
    /// <exception cref="InvalidOperationException">The grain runs on no runtime, or on one without reminders.</exception>
    protected ValueTask<IReadOnlyList<ReminderEntry>> GetRemindersAsync(CancellationToken cancellationToken = default) =>
        Grains.Runtime is IReminderRegistry registry
            ? registry.GetRemindersAsync(Id, cancellationToken)
            : throw new InvalidOperationException($"The runtime of grain '{Id}' keeps no reminders.");

    private void CheckHandler(TickHandler handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        if (!handler.GrainClass.IsAssignableFrom(GetType()))
        {
            throw new ArgumentException($"The tick handler '{handler}' is not a handler of grain class '{GetType().Name}'.", nameof(handler));
        }
    }
}
