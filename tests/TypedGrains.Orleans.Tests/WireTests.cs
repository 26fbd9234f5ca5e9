using System;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>
/// What crosses Orleans: a handler's exception as its type name, message and stack; grain references bound to the
/// runtime of the side that reads them (shown by PreferLocal placement: a fresh grain activates on the caller's silo).
/// </summary>
public sealed class WireTests : IClassFixture<TwoSiloCluster>
{
    private readonly TwoSiloCluster _cluster;
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

    public WireTests(TwoSiloCluster cluster) => _cluster = cluster;

    [Fact]
    public async Task An_exception_of_the_users_type_comes_back_with_its_type_name_message_and_stack()
    {
        var pointer = _cluster.Secondary.Pointer(_prefix);

        var error = await Assert.ThrowsAsync<RemoteGrainException>(async () => await _cluster.Client.Pointer(_prefix).Refuse("no, on purpose"));

        Assert.Equal(typeof(PointerRefusedException).FullName, error.TypeName);
        Assert.Equal("no, on purpose", error.RemoteMessage);
        Assert.Contains(nameof(Pointer.Refuse), error.RemoteStackTrace);
        Assert.Equal(pointer.Id.ToString(), error.Data[RemoteGrainException.GrainKey]);
    }

    [Fact]
    public async Task A_framework_exception_comes_back_as_its_own_type_with_the_remote_stack()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await _cluster.Client.Pointer(_prefix).Fail("failed on purpose"));

        Assert.Equal("failed on purpose", error.Message);
        Assert.Contains(nameof(Pointer.Fail), (string)error.Data[RemoteGrainException.RemoteStackTraceKey]!);
    }

    [Fact]
    public async Task A_reference_in_a_reply_is_bound_to_the_runtime_that_read_it()
    {
        Assert.Equal(_cluster.Secondary.Incarnation, await _cluster.Secondary.Pointer(_prefix).Silo());

        // Made on the secondary, read on the primary: the fresh PreferLocal grain activates on the primary.
        var where = await _cluster.Primary.Pointer(_prefix).Make(_prefix + "from-reply");

        Assert.Equal(_cluster.Primary.Incarnation, await where.Silo());
    }

    [Fact]
    public async Task A_reference_in_an_argument_is_bound_to_the_runtime_that_read_it()
    {
        Assert.Equal(_cluster.Secondary.Incarnation, await _cluster.Secondary.Pointer(_prefix).Silo());

        // Made on the primary, read on the secondary, which calls it: the fresh PreferLocal grain activates there.
        var where = _cluster.Primary.LocalWhere(_prefix + "from-argument");

        Assert.Equal(_cluster.Secondary.Incarnation, await _cluster.Primary.Pointer(_prefix).CallThrough(where));
    }
}
