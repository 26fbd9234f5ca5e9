namespace TypedGrains.Persistence.Postgres;

/// <summary>The statements of the provider; each write is one statement whose ETag check is in its WHERE clause.</summary>
internal static class PostgresSql
{
    private const string KeyMatch = "grain_type = $1 AND key_kind = $2 AND grain_key = $3";

    public const string Read = "SELECT etag, payload FROM " + PostgresSchema.Table + " WHERE " + KeyMatch;

    public const string ReadETag = "SELECT etag FROM " + PostgresSchema.Table + " WHERE " + KeyMatch;

    /// <summary>Expected ETag 0: insert at ETag 1 unless a row (even a cleared one) exists.</summary>
    public const string Insert = "INSERT INTO " + PostgresSchema.Table +
        " (grain_type, key_kind, grain_key, etag, payload) VALUES ($1, $2, $3, 1, $4) ON CONFLICT DO NOTHING RETURNING etag";

    /// <summary>Expected ETag above 0: replace the payload and bump the ETag only if it still is the expected one.</summary>
    public const string Update = "UPDATE " + PostgresSchema.Table +
        " SET etag = etag + 1, payload = $4 WHERE " + KeyMatch + " AND etag = $5 RETURNING etag";
}
