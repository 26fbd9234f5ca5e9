using System;
using Microsoft.Data.Sqlite;
using TypedGrains.Persistence;
using TypedGrains.Persistence.Sqlite;

namespace TypedGrains.Hosting;

/// <summary>The provider kinds the hosting package knows without help.</summary>
internal static class ProviderKinds
{
    public const string Memory = "memory";
    public const string Sqlite = "sqlite";

    /// <summary>A SQLite provider on the file named by the connection string's <c>Data Source</c>.</summary>
    public static IGrainStateProvider CreateSqlite(string connectionString)
    {
        var path = SqliteDataSource(connectionString)
            ?? throw new InvalidOperationException($"The SQLite connection string '{connectionString}' names no Data Source.");
        return new SqliteGrainStateProvider(path);
    }

    /// <summary>The <c>Data Source</c> of a SQLite connection string, or <c>null</c> when it has none or does not parse.</summary>
    public static string? SqliteDataSource(string connectionString)
    {
        try
        {
            var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
            return string.IsNullOrWhiteSpace(source) ? null : source;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
