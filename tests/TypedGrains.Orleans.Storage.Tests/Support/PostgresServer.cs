using System;

namespace TypedGrains.Orleans.Storage.Tests.Support;

/// <summary>
/// The throwaway PostgreSQL server that <c>eng/test.sh</c> starts (see <c>eng/postgres.sh</c>). The PostgreSQL tests
/// fail, rather than skip, when it is not described by the environment.
/// </summary>
public static class PostgresServer
{
    public static string ConnectionString =>
        Environment.GetEnvironmentVariable("TYPEDGRAINS_POSTGRES") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException(
                "TYPEDGRAINS_POSTGRES is not set. The PostgreSQL tests need the throwaway server of eng/test.sh (eng/postgres.sh): " +
                "run eng/test.sh, or source eng/postgres.sh and call postgres_start before dotnet test.");
}
