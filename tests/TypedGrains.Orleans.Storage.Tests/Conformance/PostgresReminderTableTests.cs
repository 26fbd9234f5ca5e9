using Orleans;
using TypedGrains.Orleans.Storage.Hosting;
using TypedGrains.Orleans.Storage.Tests.Support;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>The reminder suite on the PostgreSQL server of eng/test.sh; each table instance has its own pool.</summary>
public sealed class PostgresReminderTableTests : ReminderTableConformance
{
    protected override IReminderTable CreateTable(string serviceId) =>
        TableFactory.PostgresReminders(new PostgresReminderOptions { ConnectionString = PostgresServer.ConnectionString }, serviceId);
}
