using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Runtime.Tests.Support;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class ReferenceTests
{
    [Fact]
    public void References_are_equal_when_they_name_the_same_grain()
    {
        using var one = new InProcessRuntime();
        using var other = new InProcessRuntime();

        Assert.Equal(one.CounterGrain("a"), other.CounterGrain("a"));
        Assert.True(one.CounterGrain("a") == one.CounterGrain("a"));
        Assert.NotEqual(one.CounterGrain("a"), one.CounterGrain("b"));
        Assert.Equal(one.CounterGrain("a").GetHashCode(), other.CounterGrain("a").GetHashCode());
        Assert.Equal(new GrainId("TypedGrains.Runtime.Tests.Grains.CounterGrain", GrainKey.From("a")), one.CounterGrain("a").Id);
    }

    [Fact]
    public async Task A_default_reference_fails_with_a_clear_error()
    {
        await Assert.ThrowsAsync<UnboundReferenceException>(async () => await default(CounterGrainRef).Get());
    }

    [Fact]
    public async Task A_serialized_request_is_dispatched_by_its_stable_method_id()
    {
        using var grains = new InProcessRuntime();
        var id = grains.CounterGrain("dispatch").Id;

        var added = await grains.DispatchAsync<CounterGrain>(id, CounterGrain.Requests.Add.MethodId, new ObjectArgumentReader(7));
        var read = await grains.DispatchAsync<CounterGrain>(id, CounterGrain.Requests.Get.MethodId, new ObjectArgumentReader());

        Assert.Equal(7, added);
        Assert.Equal(7, read);
    }

    [Fact]
    public void An_unknown_method_id_is_refused_with_the_grain_type_named()
    {
        using var grains = new InProcessRuntime();

        var error = Assert.Throws<UnknownGrainMethodException>(() =>
            grains.DispatchAsync<CounterGrain>(grains.CounterGrain("x").Id, 0xDEADBEEFu, new ObjectArgumentReader()));

        Assert.Equal("TypedGrains.Runtime.Tests.Grains.CounterGrain", error.GrainType);
    }
}
