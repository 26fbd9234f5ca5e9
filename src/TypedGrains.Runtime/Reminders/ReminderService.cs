using System;
using System.Buffers;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Reminders;

namespace TypedGrains.Runtime.Reminders;

/// <summary>
/// Fires the durable reminders of an <see cref="IReminderTable"/> on the runtime's clock. One timer is armed for the
/// earliest due reminder (at most one poll interval away, so reminders written by another process are seen too); a
/// pass fires every due reminder through the grain's generated dispatcher as a call, which activates the grain and
/// completes when the tick's turn committed, and only then moves the reminder to its next due time. A crash between
/// the two fires the tick again after the restart: delivery is at least once. Ticks missed while nothing ran fire once.
/// </summary>
internal sealed class ReminderService : IDisposable
{
    // A tick handler takes no arguments: an empty MessagePack array.
    private static readonly ReadOnlySequence<byte> NoArguments = new(new byte[] { 0x90 });

    private readonly InProcessRuntime _runtime;
    private readonly IReminderTable _table;
    private readonly TimeProvider _time;
    private readonly TimeSpan _pollInterval;
    private readonly SemaphoreSlim _pass = new(1, 1);
    private readonly ITimer _timer;
    private volatile bool _stopped;

    public ReminderService(InProcessRuntime runtime, IReminderTable table, TimeProvider time, TimeSpan pollInterval)
    {
        _runtime = runtime;
        _table = table;
        _time = time;
        _pollInterval = pollInterval;
        _timer = time.CreateTimer(static state => _ = ((ReminderService)state!).RunPassAsync(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public IReminderTable Table => _table;

    /// <summary>Arms the first pass at once: reminders that fell due while no process ran fire now.</summary>
    public void Start() => Arm(TimeSpan.Zero);

    /// <summary>Stores a committed turn's reminder changes for <paramref name="grain"/>, in order.</summary>
    public async ValueTask ApplyAsync(GrainId grain, IReadOnlyList<ReminderChange> changes, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        DateTimeOffset? earliest = null;
        for (var i = 0; i < changes.Count; i++)
        {
            var change = changes[i];
            if (change.IsRegister)
            {
                var due = ToMilliseconds(now + change.DueTime);
                await _table.UpsertAsync(new ReminderEntry(grain, change.Handler.Name, change.Handler.MethodId, due, change.Period), cancellationToken).ConfigureAwait(false);
                earliest = earliest is { } e && e <= due ? e : due;
            }
            else
            {
                await _table.RemoveAsync(grain, change.Handler.Name, cancellationToken).ConfigureAwait(false);
            }
        }

        if (earliest is { } first)
        {
            ArmBefore(first);
        }
    }

    /// <summary>Fires every reminder due now and arms the timer for the next; passes never overlap.</summary>
    public async Task RunPassAsync()
    {
        await _pass.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_stopped)
            {
                return;
            }

            var due = await _table.ReadDueAsync(_time.GetUtcNow()).ConfigureAwait(false);
            if (due.Count > 0)
            {
                var firing = new Task[due.Count];
                for (var i = 0; i < due.Count; i++)
                {
                    firing[i] = FireAsync(due[i]);
                }

                await Task.WhenAll(firing).ConfigureAwait(false);
            }

            var next = await _table.ReadNextDueAsync().ConfigureAwait(false);
            Arm(next is { } at ? at - _time.GetUtcNow() : _pollInterval);
        }
        catch (Exception error) when (!_stopped)
        {
            _runtime.ReportReminderFailure(error);
            Arm(_pollInterval);
        }
        catch (Exception)
        {
            // Stopped meanwhile: nothing more fires.
        }
        finally
        {
            _pass.Release();
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _timer.Dispose();
    }

    private async Task FireAsync(ReminderEntry entry)
    {
        try
        {
            var definition = GrainCatalog.Get(entry.Grain.Type);
            await definition.DispatchAsync(_runtime, entry.Grain, entry.MethodId, NoArguments, new ArrayBufferWriter<byte>(), _runtime.StopToken)
                .ConfigureAwait(false);
        }
        catch (Exception error)
        {
            if (_stopped || !_runtime.IsRunning)
            {
                // The runtime refused the tick because it is stopping: the reminder stays due for the next process.
                return;
            }

            // A tick whose turn failed is not retried before its next due time, like a failed cast.
            _runtime.ReportCastFailure(entry.Grain, error);
        }

        await _table.AdvanceAsync(entry, ToMilliseconds(entry.NextDueAfter(_time.GetUtcNow()))).ConfigureAwait(false);
    }

    // Every table keeps at least microseconds; whole milliseconds compare equal after any round trip.
    private static DateTimeOffset ToMilliseconds(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerMillisecond), TimeSpan.Zero);

    private void ArmBefore(DateTimeOffset due)
    {
        // A pass re-arms from the table when it ends; arming earlier here is always safe.
        var delay = due - _time.GetUtcNow();
        if (delay < _pollInterval)
        {
            Arm(delay);
        }
    }

    private void Arm(TimeSpan delay)
    {
        if (_stopped)
        {
            return;
        }

        var clamped = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > _pollInterval ? _pollInterval : delay;
        try
        {
            _timer.Change(clamped, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // Disposed by a stop that raced this pass.
        }
    }
}
