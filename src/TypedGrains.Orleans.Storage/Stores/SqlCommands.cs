using System.Data;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Orleans.Storage.Stores;

/// <summary>Small helpers to build parameterised commands the same way on every store (<c>@name</c> parameters).</summary>
internal static class SqlCommands
{
    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public static DbCommand With(this DbCommand command, string name, string? value) => Add(command, name, DbType.String, value);

    public static DbCommand With(this DbCommand command, string name, long value) => Add(command, name, DbType.Int64, value);

    public static DbCommand With(this DbCommand command, string name, int value) => Add(command, name, DbType.Int32, value);

    public static Task<int> RunAsync(this DbCommand command, CancellationToken cancellationToken) =>
        command.ExecuteNonQueryAsync(cancellationToken);

    private static DbCommand Add(DbCommand command, string name, DbType type, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? System.DBNull.Value;
        command.Parameters.Add(parameter);
        return command;
    }
}
