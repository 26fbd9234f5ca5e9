using System;
using Npgsql;

namespace TypedGrains.Orleans.Storage.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL server that <c>eng/test.sh</c> starts (see <c>eng/postgres.sh</c>). The PostgreSQL tests
/// fail, rather than skip, when it is not described by the environment.
/// </summary>
public static class PostgresServer
{
    /// <summary>
    /// The server's connection string with small pools: every table instance has its own pool, and other test
    /// assemblies share the server's 200 connections at the same time.
    /// </summary>
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("TYPEDGRAINS_POSTGRES") is { Length: > 0 } value
            ? new NpgsqlConnectionStringBuilder(value) { MaxPoolSize = 4 }.ConnectionString
            : throw new InvalidOperationException(
                "TYPEDGRAINS_POSTGRES is not set. The PostgreSQL tests need the throwaway server of eng/test.sh (eng/postgres.sh): " +
                "run eng/test.sh, or source eng/postgres.sh and call postgres_start before dotnet test.");
}
