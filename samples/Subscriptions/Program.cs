using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;
using Subscriptions;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Runtime;

// A subscription charged by a durable reminder, across a real process restart on one SQLite file:
//   dotnet run --project samples/Subscriptions
// runs this program twice as child processes. The first registers the reminder, is charged once and exits; the second
// starts on the same file, and the reminder fires there, activating the grain again.
// The period is two seconds so the sample finishes quickly; real subscriptions use a minute or more (TG0020).
var period = TimeSpan.FromSeconds(2);
switch (args)
{
    case ["first", var database]:
        await using (var grains = Start(database))
        {
            var charged = WaitForCharge();
            await grains.Subscription("alice").Start(period);
            Console.WriteLine($"process 1 ({Environment.ProcessId}): alice subscribed, charged every {period.TotalSeconds} s");
            Console.WriteLine($"process 1 ({Environment.ProcessId}): charge #{await charged}; exiting (the reminder stays in the file)");
        }

        return 0;

    case ["second", var database]:
        await using (var grains = Start(database))
        {
            var charged = WaitForCharge();
            Console.WriteLine($"process 2 ({Environment.ProcessId}): started on the same file; alice active: {grains.IsActive(grains.Subscription("alice").Id)}");
            Console.WriteLine($"process 2 ({Environment.ProcessId}): the reminder fired after the restart: charge #{await charged}");
            await grains.Subscription("alice").Stop();
            Console.WriteLine($"process 2 ({Environment.ProcessId}): alice unsubscribed after {await grains.Subscription("alice").Charges()} charges");
        }

        return 0;

    default:
        var file = Path.Combine(Path.GetTempPath(), "typedgrains-subscriptions-" + Guid.NewGuid().ToString("N") + ".db");
        try
        {
            return await RunAsync("first", file) is var first and not 0 ? first : await RunAsync("second", file);
        }
        finally
        {
            foreach (var path in new[] { file, file + "-wal", file + "-shm" })
            {
                File.Delete(path);
            }
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

// Runs this program again as a child process (its own apphost, or 'dotnet <dll>' when started that way).
static async Task<int> RunAsync(string phase, string database)
{
    var host = Environment.ProcessPath ?? throw new InvalidOperationException("The path of this process is unknown.");
    var start = new ProcessStartInfo(host) { UseShellExecute = false };
    if (Path.GetFileNameWithoutExtension(host).Equals("dotnet", StringComparison.OrdinalIgnoreCase))
    {
        start.ArgumentList.Add(typeof(Subscription).Assembly.Location);
    }

    start.ArgumentList.Add(phase);
    start.ArgumentList.Add(database);
    using var child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
    await child.WaitForExitAsync();
    return child.ExitCode;
}
