using System;
using System.IO;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Npgsql;
using Orleans.Hosting;
using TypedGrains.Orleans.Storage;
using TypedGrains.Tests.Shared;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>The stored-reminder suite on a SQLite file of this test.</summary>
[Collection(StoredReminderSuite.Collection)]
public sealed class SqliteStoredReminderTests : StoredReminderSuite, IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("typedgrains-reminders-").FullName;

    private string Database => Path.Combine(_directory, "cluster.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    protected override ISiloBuilder UseReminders(ISiloBuilder silo) => silo.UseTypedGrainsSqliteReminders(Database);

    protected override Task<long> StoredTypedGrainsRemindersAsync()
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Database, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM typedgrains_reminders WHERE service_id = $service AND reminder_name LIKE 'tg:%';";
        command.Parameters.AddWithValue("$service", ServiceId);
        return Task.FromResult((long)command.ExecuteScalar()!);
    }
}

/// <summary>The stored-reminder suite on the PostgreSQL server of eng/test.sh (held running against another assembly's outage test).</summary>
[Collection(StoredReminderSuite.Collection)]
public sealed class PostgresStoredReminderTests : StoredReminderSuite, IDisposable
{
    private readonly IDisposable _running = PostgresOutageLock.HoldRunning();

    private static string ConnectionString =>
        Environment.GetEnvironmentVariable("TYPEDGRAINS_POSTGRES") is { Length: > 0 } value
            ? new NpgsqlConnectionStringBuilder(value) { MaxPoolSize = 4 }.ConnectionString
            : throw new InvalidOperationException("TYPEDGRAINS_POSTGRES is not set: run the tests through eng/test.sh, which starts a throwaway PostgreSQL.");

    public void Dispose() => _running.Dispose();

    protected override ISiloBuilder UseReminders(ISiloBuilder silo) => silo.UseTypedGrainsPostgresReminders(ConnectionString);

    protected override async Task<long> StoredTypedGrainsRemindersAsync()
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM typedgrains_reminders WHERE service_id = $1 AND reminder_name LIKE 'tg:%';", connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = ServiceId });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
