namespace TypedGrains.Orleans.Storage.Reminders;

/// <summary>
/// The reminder statements. Rows are scoped by service id (reminders outlive a cluster's deployments) and keyed by
/// grain id and reminder name; <c>grain_hash</c> is the grain id's uniform hash, the position on Orleans' ring that
/// range reads select by.
/// </summary>
internal static class ReminderSql
{
    public const string Columns = "grain_id, reminder_name, start_at, period, etag";

    /// <summary>The table, for <paramref name="bigint"/>/<paramref name="text"/> type names of the store.</summary>
    public static string Schema(string bigint, string text) => $"""
        CREATE TABLE IF NOT EXISTS typedgrains_reminders (
            service_id    {text}   NOT NULL,
            grain_id      {text}   NOT NULL,
            reminder_name {text}   NOT NULL,
            grain_hash    {bigint} NOT NULL,
            start_at      {bigint} NOT NULL,
            period        {bigint} NOT NULL,
            etag          {text}   NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        CREATE INDEX IF NOT EXISTS typedgrains_reminders_by_hash ON typedgrains_reminders (service_id, grain_hash);
        """;

    public const string ReadGrain =
        "SELECT " + Columns + " FROM typedgrains_reminders WHERE service_id = @service_id AND grain_id = @grain_id;";

    public const string ReadRow =
        "SELECT " + Columns + " FROM typedgrains_reminders " +
        "WHERE service_id = @service_id AND grain_id = @grain_id AND reminder_name = @reminder_name;";

    /// <summary>The ring range (begin, end] when begin &lt; end.</summary>
    public const string ReadRange =
        "SELECT " + Columns + " FROM typedgrains_reminders " +
        "WHERE service_id = @service_id AND grain_hash > @begin AND grain_hash <= @end;";

    /// <summary>The ring range that wraps past the top when begin &gt;= end: above begin, or up to end.</summary>
    public const string ReadWrappedRange =
        "SELECT " + Columns + " FROM typedgrains_reminders " +
        "WHERE service_id = @service_id AND (grain_hash > @begin OR grain_hash <= @end);";

    public const string Upsert =
        "INSERT INTO typedgrains_reminders (service_id, grain_id, reminder_name, grain_hash, start_at, period, etag) " +
        "VALUES (@service_id, @grain_id, @reminder_name, @grain_hash, @start_at, @period, @etag) " +
        "ON CONFLICT (service_id, grain_id, reminder_name) DO UPDATE SET " +
        "grain_hash = excluded.grain_hash, start_at = excluded.start_at, period = excluded.period, etag = excluded.etag;";

    public const string Remove =
        "DELETE FROM typedgrains_reminders " +
        "WHERE service_id = @service_id AND grain_id = @grain_id AND reminder_name = @reminder_name AND etag = @etag;";

    public const string Clear = "DELETE FROM typedgrains_reminders WHERE service_id = @service_id;";
}
