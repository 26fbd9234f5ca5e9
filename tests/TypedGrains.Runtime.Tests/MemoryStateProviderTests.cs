using System.Threading.Tasks;
using TypedGrains.Persistence;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class MemoryStateProviderTests
{
    private static readonly GrainId Grain = new("tests.stored", GrainKey.From("one"));
    private static readonly IStateCodec Codec = NoCodec.Instance;

    private sealed class NoCodec : IStateCodec
    {
        public static readonly NoCodec Instance = new();

        public void Write(object? state, System.Buffers.IBufferWriter<byte> output) => throw new System.InvalidOperationException("memory provider must not encode");

        public object? Read(System.Buffers.ReadOnlySequence<byte> input) => throw new System.InvalidOperationException("memory provider must not decode");
    }

    [Fact]
    public async Task Writes_compare_and_set_on_a_monotonic_etag()
    {
        var provider = new MemoryGrainStateProvider();

        Assert.Null(await provider.ReadAsync(Grain, Codec));
        var first = await provider.WriteAsync(Grain, "a", Codec, 0);
        var second = await provider.WriteAsync(Grain, "b", Codec, first);

        Assert.True(second > first);
        Assert.Equal(new StoredState("b", second), await provider.ReadAsync(Grain, Codec));
    }

    [Fact]
    public async Task A_stale_etag_is_a_conflict_and_changes_nothing()
    {
        var provider = new MemoryGrainStateProvider();
        var first = await provider.WriteAsync(Grain, "a", Codec, 0);
        await provider.WriteAsync(Grain, "b", Codec, first);

        var conflict = await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain, "c", Codec, first));

        Assert.Equal(first, conflict.ExpectedETag);
        Assert.Equal("b", (await provider.ReadAsync(Grain, Codec))!.State);
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain, "d", Codec, 0));
    }

    [Fact]
    public async Task Clear_keeps_the_etag_monotonic_so_an_old_writer_still_conflicts()
    {
        var provider = new MemoryGrainStateProvider();
        var first = await provider.WriteAsync(Grain, "a", Codec, 0);

        await provider.ClearAsync(Grain, first);
        var cleared = await provider.ReadAsync(Grain, Codec);

        Assert.Null(cleared!.State);
        Assert.True(cleared.ETag > first);
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain, "stale", Codec, first));
        Assert.True(await provider.WriteAsync(Grain, "fresh", Codec, cleared.ETag) > cleared.ETag);
    }
}
