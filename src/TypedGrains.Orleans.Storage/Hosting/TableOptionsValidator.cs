using Microsoft.Extensions.Options;
using Orleans;

namespace TypedGrains.Orleans.Storage.Hosting;

/// <summary>Checks a Postgres table's options when the silo or client starts.</summary>
internal sealed class PostgresOptionsValidator<TOptions>(IOptions<TOptions> options) : IConfigurationValidator
    where TOptions : PostgresTableOptions
{
    public void ValidateConfiguration() => options.Value.Validate();
}

/// <summary>Checks a SQLite table's options when the silo or client starts.</summary>
internal sealed class SqliteOptionsValidator<TOptions>(IOptions<TOptions> options) : IConfigurationValidator
    where TOptions : SqliteTableOptions
{
    public void ValidateConfiguration() => options.Value.Validate();
}
