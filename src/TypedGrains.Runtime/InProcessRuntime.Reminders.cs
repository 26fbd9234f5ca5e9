using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using TypedGrains.Reminders;
using TypedGrains.Runtime.Reminders;

namespace TypedGrains.Runtime;

/// <summary>Durable reminders: the runtime fires those of its <see cref="InProcessRuntimeOptions.ReminderTable"/>.</summary>
public sealed partial class InProcessRuntime : IReminderRegistry
{
    internal ReminderService Reminders { get; private set; } = null!;

    internal bool IsRunning => _state == Running;

    /// <inheritdoc/>
    public ValueTask<IReadOnlyList<ReminderEntry>> GetRemindersAsync(GrainId grain, CancellationToken cancellationToken = default) =>
        Reminders.Table.ReadAsync(grain, cancellationToken);

    /// <summary>
    /// Fires every reminder due now and waits until their ticks' turns committed. The runtime does this by itself on
    /// its clock; hosts and tests that drive time by hand call it to wait for a pass.
    /// </summary>
    public Task FireDueRemindersAsync() => Reminders.RunPassAsync();

    private void StartReminders()
    {
        Reminders = new ReminderService(this, _options.ReminderTable, Time, _options.ReminderPollInterval);
        Reminders.Start();
    }
}
