using TypedGrains.Persistence.Postgres;
using TypedGrains.Persistence.Tests.Support;
using Xunit;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>The conformance suite on the PostgreSQL server of eng/test.sh; each provider has its own connection pool.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProviderConformanceTests : ByteStoreConformance
{
    protected override IGrainStateProvider CreateStoreProvider() => new PostgresGrainStateProvider(PostgresServer.ConnectionString);
}
