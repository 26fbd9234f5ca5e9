using System;
using System.IO;
using System.Threading.Tasks;
using Subscriptions;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Runtime;

// Two "processes" in one run, on one SQLite file: the first registers a reminder and is charged once, then stops;
// the second starts on the same file, and the reminder fires there, activating the grain again.
// The period is two seconds so the sample finishes quickly; real subscriptions use a minute or more (TG0020).
var period = TimeSpan.FromSeconds(2);
var database = Path.Combine(Path.GetTempPath(), "typedgrains-subscriptions-" + Guid.NewGuid().ToString("N") + ".db");
try
{
    await using (var first = Start(database))
    {
        var charged = WaitForCharge();
        await first.Subscription("alice").Start(period);
        Console.WriteLine($"phase 1: alice subscribed, charged every {period.TotalSeconds} s");
        Console.WriteLine($"phase 1: charge #{await charged}");
    }

    Console.WriteLine("phase 1: runtime stopped (the process is gone; the reminder stays in the file)");
    await using (var second = Start(database))
    {
        var charged = WaitForCharge();
        Console.WriteLine($"phase 2: new runtime on the same file; alice active: {second.IsActive(second.Subscription("alice").Id)}");
        var count = await charged;
        Console.WriteLine($"phase 2: the reminder fired after the restart: charge #{count}");
        await second.Subscription("alice").Stop();
        Console.WriteLine($"phase 2: alice unsubscribed after {await second.Subscription("alice").Charges()} charges");
    }
}
finally
{
    foreach (var file in new[] { database, database + "-wal", database + "-shm" })
    {
        File.Delete(file);
    }
}

static InProcessRuntime Start(string database) => new(new InProcessRuntimeOptions
{
    DefaultProvider = new SqliteGrainStateProvider(database),
    ReminderTable = new SqliteReminderTable(database),
    ReminderPollInterval = TimeSpan.FromSeconds(1),
});

static Task<int> WaitForCharge()
{
    var charged = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
    void OnCharged(string key, int count)
    {
        if (charged.TrySetResult(count))
        {
            Subscription.Charged -= OnCharged;
        }
    }

    Subscription.Charged += OnCharged;
    return charged.Task.WaitAsync(TimeSpan.FromSeconds(30));
}
