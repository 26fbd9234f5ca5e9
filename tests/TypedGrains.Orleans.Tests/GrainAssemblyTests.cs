using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Concurrency;
using TypedGrains.Backend;
using TypedGrains.Orleans.Tests.Support;
using TypedGrains.Orleans.Wire;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>
/// A silo finds the grains of a library its own code never names: the C# compiler drops such a reference and the
/// library's catalog registers only when something loads it, so the silo loads the grain assemblies beside it.
/// </summary>
public sealed class GrainAssemblyTests : IClassFixture<TwoSiloCluster>
{
    // TypedGrains.Orleans.Tests.LateGrains is copied beside the tests; no test names a type of it.
    private const string LateEcho = "TypedGrains.Orleans.Tests.LateGrains.LateEcho";
    private readonly TwoSiloCluster _cluster;

    public GrainAssemblyTests(TwoSiloCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task A_message_for_a_grain_of_an_assembly_nobody_loaded_finds_its_definition_and_one_for_no_grain_fails_naming_it()
    {
        Assert.False(GrainCatalog.TryGet(LateEcho, out _), "The test is void: something loaded the LateGrains library first.");
        var grain = new GrainId(LateEcho, GrainKey.From("late"));
        var orleans = _cluster.ClientServices.GetRequiredService<global::Orleans.IGrainFactory>();

        // Sent by Orleans alone, as a client of another process would: method id 0 is none of LateEcho's.
        var reply = await orleans.GetGrain<IPreferLocalGrainHost>(HostKey.Format(grain)).Call(0, new Immutable<byte[]>([0x90]));

        // The silo found the grain type (an unknown type would have failed the activation) and dispatched to it.
        var error = Assert.Throws<RemoteGrainException>(() => WireReply.Read(reply.Value, NilFormatter.Instance, _cluster.Client, grain));
        Assert.Equal(typeof(UnknownGrainMethodException).FullName, error.TypeName);
        Assert.True(GrainCatalog.TryGet(LateEcho, out var definition));
        Assert.Equal(LateEcho, definition.TypeName);

        // A type that no assembly beside the silo defines fails the call naming it (in one test with the above: the
        // silo's first unknown type loads the library).
        var missing = new GrainId("Nowhere.Missing", GrainKey.From("x"));
        reply = await orleans.GetGrain<IPreferLocalGrainHost>(HostKey.Format(missing)).Call(0, new Immutable<byte[]>([0x90]));
        error = Assert.Throws<RemoteGrainException>(() => WireReply.Read(reply.Value, NilFormatter.Instance, _cluster.Client, missing));
        Assert.Equal(typeof(UnknownGrainTypeException).FullName, error.TypeName);
        Assert.Contains("Nowhere.Missing", error.RemoteMessage);
    }
}
