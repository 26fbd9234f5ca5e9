using Orleans;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Tests.Support;
using TypedGrains.Tests.Shared;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>The reminder suite on the PostgreSQL server of eng/test.sh; each table instance has its own
/// pool, and the test holds the server against another assembly stopping it.</summary>
[Xunit.Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTableTests : ReminderTableConformance, System.IDisposable
{
    private readonly System.IDisposable _running = PostgresOutageLock.HoldRunning();

    protected override IReminderTable CreateTable(string serviceId) =>
        TableFactory.PostgresReminders(new PostgresReminderOptions { ConnectionString = PostgresServer.ConnectionString }, serviceId);

    public void Dispose() => _running.Dispose();
}
