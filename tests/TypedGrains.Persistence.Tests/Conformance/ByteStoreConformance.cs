using System;
using System.Threading.Tasks;
using TypedGrains.Persistence.Tests.Grains;
using Xunit;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>
/// The conformance suite plus what only providers that store the codec's bytes can keep: a state read by another
/// runtime is decoded for that runtime, so grain references in it call through the runtime that loaded them. (The
/// memory provider hands back the saved object itself, whose references stay bound to the runtime that saved it.)
/// </summary>
public abstract class ByteStoreConformance : GrainStateProviderConformance
{
    [Fact]
    public async Task A_grain_reference_in_a_stored_state_is_callable_after_a_new_runtime_loads_it()
    {
        var key = Guid.NewGuid().ToString("N");
        using (var grains = Runtime(Provider()))
        {
            await grains.Forwarder(key).Point(grains.StoredCounter(key));
            Assert.Equal(2, await grains.Forwarder(key).AddThrough(2));
        }

        using var restarted = Runtime(CreateProvider());
        Assert.Equal(5, await restarted.Forwarder(key).AddThrough(3));
        Assert.Equal(5, await restarted.StoredCounter(key).Get());
    }
}
