using Orleans.Runtime;

namespace TypedGrains.Orleans.Storage;

/// <summary>Where a PostgreSQL-backed table lives.</summary>
public abstract class PostgresTableOptions
{
    /// <summary>
    /// The Npgsql connection string (<c>Host=...;Username=...;Database=...</c>). Required. The user needs the right
    /// to create tables in the database's default schema the first time; the tables are created if missing.
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>Throws <see cref="OrleansConfigurationException"/> when a setting is missing or out of range.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new OrleansConfigurationException($"{GetType().Name}.{nameof(ConnectionString)} is required.");
        }
    }
}

/// <summary>The PostgreSQL membership table (silos and clients of one cluster id).</summary>
public sealed class PostgresClusteringOptions : PostgresTableOptions;

/// <summary>The PostgreSQL reminder table (reminders of one service id).</summary>
public sealed class PostgresReminderOptions : PostgresTableOptions;
