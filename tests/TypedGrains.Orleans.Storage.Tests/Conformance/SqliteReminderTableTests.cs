using Orleans;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Tests.Support;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>The reminder suite on one SQLite file per test; every table instance opens it as another process would.</summary>
public sealed class SqliteReminderTableTests : ReminderTableConformance, System.IDisposable
{
    private readonly TempDirectory _directory = new();

    protected override IReminderTable CreateTable(string serviceId) =>
        TableFactory.SqliteReminders(new SqliteReminderOptions { DatabasePath = _directory.File("reminders.db") }, serviceId);

    public void Dispose() => _directory.Dispose();
}
