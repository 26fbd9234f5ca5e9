using TypedGrains.Runtime;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>The conformance suite on the in-memory provider; "another provider on the same store" is the same instance.</summary>
public sealed class MemoryProviderConformanceTests : GrainStateProviderConformance
{
    private readonly MemoryGrainStateProvider _store = new();

    protected override IGrainStateProvider CreateStoreProvider() => _store;
}
