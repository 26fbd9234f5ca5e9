using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Reminders;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>The tables in SQLite's types (INTEGER is 64-bit). The SQL is repeated in <c>docs/cluster.md</c>.</summary>
internal static class SqliteSchemas
{
    public static readonly string Membership = MembershipSql.Schema(bigint: "INTEGER", integer: "INTEGER", text: "TEXT");

    public static readonly string Reminders = ReminderSql.Schema(bigint: "INTEGER", text: "TEXT");
}
