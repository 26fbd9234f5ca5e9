using TypedGrains.Orleans.Storage.Membership;
using TypedGrains.Orleans.Storage.Reminders;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>The tables in PostgreSQL's types. The SQL is repeated in <c>docs/cluster.md</c>.</summary>
internal static class PostgresSchemas
{
    public static readonly string Membership = MembershipSql.Schema(bigint: "bigint", integer: "integer", text: "text");

    public static readonly string Reminders = ReminderSql.Schema(bigint: "bigint", text: "text");
}
