using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Reminders;

/// <summary>Implemented by a runtime that keeps durable reminders: what a grain's <c>GetRemindersAsync</c> reads.</summary>
public interface IReminderRegistry
{
    /// <summary>The committed reminders of <paramref name="grain"/>, ordinally sorted by name.</summary>
    ValueTask<IReadOnlyList<ReminderEntry>> GetRemindersAsync(GrainId grain, CancellationToken cancellationToken = default);
}
