using System.Threading;
using System.Threading.Tasks;
using Npgsql;

namespace TypedGrains.Persistence.Postgres;

/// <summary>The table of grain states, created on first use. The SQL is repeated in <c>docs/persistence.md</c>.</summary>
internal static class PostgresSchema
{
    public const string Table = "typedgrains_grain_state";

    // Concurrent CREATE TABLE IF NOT EXISTS can still collide in the catalog; a transaction-scoped advisory lock
    // (an arbitrary fixed key) makes the first creator win and the others find the table.
    private const string CreateSql = """
        SELECT pg_advisory_xact_lock(7394021);
        CREATE TABLE IF NOT EXISTS typedgrains_grain_state (
            grain_type text     NOT NULL,
            key_kind   smallint NOT NULL,
            grain_key  text     NOT NULL,
            etag       bigint   NOT NULL,
            payload    bytea,
            PRIMARY KEY (grain_type, key_kind, grain_key)
        );
        """;

    public static async Task CreateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand(CreateSql, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }
}
