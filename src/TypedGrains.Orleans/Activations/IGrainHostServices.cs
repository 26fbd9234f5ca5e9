using System;
using System.Threading.Tasks;

namespace TypedGrains.Orleans;

/// <summary>What a hosted activation asks of its Orleans host grain: deactivation, Orleans timers and reminders.</summary>
internal interface IGrainHostServices
{
    /// <summary>Asks Orleans to deactivate the host grain when it is idle.</summary>
    void Deactivate();

    /// <summary>Starts an Orleans grain timer whose ticks run the tick handler <paramref name="methodId"/>; dispose to stop it.</summary>
    IDisposable StartTimer(uint methodId, TimeSpan dueTime, TimeSpan period, bool keepAlive);

    /// <summary>Registers (or updates) the Orleans reminder <paramref name="name"/> of the host grain.</summary>
    Task RegisterReminderAsync(string name, TimeSpan dueTime, TimeSpan period);

    /// <summary>Unregisters the Orleans reminder <paramref name="name"/> of the host grain, if it exists.</summary>
    Task UnregisterReminderAsync(string name);
}
