using Xunit;

namespace TypedGrains.Persistence.Tests.Support;

/// <summary>Tests on the shared PostgreSQL server run one class at a time: one of them stops and restarts it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PostgresCollection
{
    public const string Name = "postgres";
}
