using Xunit;

namespace TypedGrains.Orleans.Storage.Tests.Support;

/// <summary>The PostgreSQL suites run one class at a time, to keep this assembly's share of the server's connections small.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "postgres";
}
