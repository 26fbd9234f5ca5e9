namespace TypedGrains.Orleans.Storage.Membership;

/// <summary>
/// The membership statements. Every row is scoped by cluster id. <c>typedgrains_membership_version</c> holds one row
/// per cluster: the table version and its ETag, which every insert and update of a silo row compares and sets in the
/// same transaction. A cluster without a version row is at version 0 with the ETag <see cref="InitialETag"/>.
/// </summary>
internal static class MembershipSql
{
    public const string InitialETag = "0";

    /// <summary>The tables, for <paramref name="bigint"/>/<paramref name="integer"/>/<paramref name="text"/> type names of the store.</summary>
    public static string Schema(string bigint, string integer, string text) => $"""
        CREATE TABLE IF NOT EXISTS typedgrains_membership_version (
            cluster_id {text}    NOT NULL PRIMARY KEY,
            version    {bigint}  NOT NULL,
            etag       {text}    NOT NULL
        );
        CREATE TABLE IF NOT EXISTS typedgrains_membership (
            cluster_id        {text}    NOT NULL,
            silo_address      {text}    NOT NULL,
            status            {integer} NOT NULL,
            proxy_port        {integer} NOT NULL,
            host_name         {text}    NOT NULL,
            silo_name         {text}    NOT NULL,
            role_name         {text},
            update_zone       {integer} NOT NULL,
            fault_zone        {integer} NOT NULL,
            start_time        {bigint}  NOT NULL,
            iamalive_time     {bigint}  NOT NULL,
            suspect_times     {text},
            last_suspect_time {bigint}  NOT NULL,
            etag              {text}    NOT NULL,
            PRIMARY KEY (cluster_id, silo_address)
        );
        """;

    public const string EnsureVersion =
        "INSERT INTO typedgrains_membership_version (cluster_id, version, etag) VALUES (@cluster_id, 0, '" + InitialETag + "') " +
        "ON CONFLICT (cluster_id) DO NOTHING;";

    public const string ReadVersion = "SELECT version, etag FROM typedgrains_membership_version WHERE cluster_id = @cluster_id;";

    /// <summary>The compare-and-set: only the next version, and only from the ETag the caller read.</summary>
    public const string AdvanceVersion =
        "UPDATE typedgrains_membership_version SET version = @version, etag = @new_etag " +
        "WHERE cluster_id = @cluster_id AND version = @version - 1 AND etag = @etag;";

    public const string ReadAll =
        "SELECT " + MembershipRow.Columns + " FROM typedgrains_membership WHERE cluster_id = @cluster_id;";

    public const string ReadRow =
        "SELECT " + MembershipRow.Columns + " FROM typedgrains_membership WHERE cluster_id = @cluster_id AND silo_address = @silo_address;";

    public const string InsertRow =
        "INSERT INTO typedgrains_membership (cluster_id, " + MembershipRow.Columns + ", last_suspect_time) VALUES (" +
        "@cluster_id, @silo_address, @status, @proxy_port, @host_name, @silo_name, @role_name, @update_zone, @fault_zone, " +
        "@start_time, @iamalive_time, @suspect_times, @new_etag, @last_suspect_time) " +
        "ON CONFLICT (cluster_id, silo_address) DO NOTHING;";

    public const string UpdateRow =
        "UPDATE typedgrains_membership SET status = @status, proxy_port = @proxy_port, host_name = @host_name, " +
        "silo_name = @silo_name, role_name = @role_name, update_zone = @update_zone, fault_zone = @fault_zone, " +
        "start_time = @start_time, iamalive_time = @iamalive_time, suspect_times = @suspect_times, " +
        "last_suspect_time = @last_suspect_time, etag = @new_etag " +
        "WHERE cluster_id = @cluster_id AND silo_address = @silo_address AND etag = @etag;";

    /// <summary>A dirty write of one column: no ETag check, no new ETag, no table version change.</summary>
    public const string UpdateIAmAlive =
        "UPDATE typedgrains_membership SET iamalive_time = @iamalive_time " +
        "WHERE cluster_id = @cluster_id AND silo_address = @silo_address;";

    public const string ReadGateways =
        "SELECT silo_address, proxy_port FROM typedgrains_membership " +
        "WHERE cluster_id = @cluster_id AND status = @active AND proxy_port > 0;";

    public const string DeleteCluster =
        "DELETE FROM typedgrains_membership WHERE cluster_id = @cluster_id; " +
        "DELETE FROM typedgrains_membership_version WHERE cluster_id = @cluster_id;";

    /// <summary>
    /// Rows of silos not Active whose last sign of life (start, I-am-alive, or a suspicion vote, which a death
    /// declaration records) is older than <c>@before</c>, for the store's <paramref name="greatest"/> function.
    /// </summary>
    public static string CleanupDefunct(string greatest) =>
        "DELETE FROM typedgrains_membership WHERE cluster_id = @cluster_id AND status <> @active AND " +
        greatest + "(start_time, iamalive_time, last_suspect_time) < @before;";
}
