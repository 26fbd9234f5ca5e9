using Npgsql;
using TypedGrains.Persistence.Postgres;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Reminders;
using TypedGrains.Runtime;
using TypedGrains.Runtime.Reminders;
using Xunit;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>Reminders in memory: a restart is a new runtime on the same table and provider objects.</summary>
public sealed class MemoryReminderTests : ReminderConformance
{
    protected override IReminderTable Table { get; } = new MemoryReminderTable();

    protected override IGrainStateProvider Provider { get; } = new MemoryGrainStateProvider();
}

/// <summary>Reminders in a SQLite file: each runtime opens its own table and provider on the same file.</summary>
public sealed class SqliteReminderTests : ReminderConformance
{
    private readonly TempDirectory _directory = new();

    protected override IReminderTable Table => new SqliteReminderTable(_directory.File("grains.db"));

    protected override IGrainStateProvider Provider => new SqliteGrainStateProvider(_directory.File("grains.db"));

    public override void Dispose() => _directory.Dispose();
}

/// <summary>
/// Reminders on the PostgreSQL server of eng/test.sh: each runtime gets its own table and provider objects, on one
/// connection pool the test disposes (pools left open would hold the server's connection slots).
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresReminderTests : ReminderConformance
{
    private readonly NpgsqlDataSource _dataSource = NpgsqlDataSource.Create(PostgresServer.ConnectionString);

    protected override IReminderTable Table => new PostgresReminderTable(_dataSource);

    protected override IGrainStateProvider Provider => new PostgresGrainStateProvider(_dataSource);

    public override void Dispose() => _dataSource.Dispose();
}
