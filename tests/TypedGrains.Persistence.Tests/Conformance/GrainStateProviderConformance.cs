using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Persistence.Tests.Conformance;

/// <summary>
/// The contract every <see cref="IGrainStateProvider"/> keeps, run against each provider by a derived class.
/// Each test uses its own grain type name or keys, so a store shared between tests does not matter.
/// </summary>
public abstract class GrainStateProviderConformance : IAsyncLifetime
{
    private readonly List<IGrainStateProvider> _providers = new();
    private readonly string _type = "conformance-" + Guid.NewGuid().ToString("N");

    /// <summary>Creates a provider on this test's store; a second call gives another provider on the same store.</summary>
    protected abstract IGrainStateProvider CreateStoreProvider();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers.Distinct())
        {
            switch (provider)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }

    [Fact]
    public async Task Inserts_and_reads_back()
    {
        var provider = Provider();
        var grain = Grain("inserted");

        Assert.Null(await provider.ReadAsync(grain, BytesCodec.Instance));
        var etag = await provider.WriteAsync(grain, Bytes(1, 2, 3), BytesCodec.Instance, 0);

        Assert.True(etag > 0);
        var stored = await provider.ReadAsync(grain, BytesCodec.Instance);
        Assert.Equal(etag, stored!.ETag);
        Assert.Equal(Bytes(1, 2, 3), (byte[])stored.State!);
    }

    [Fact]
    public async Task Updates_with_the_current_etag_and_the_etag_grows()
    {
        var provider = Provider();
        var grain = Grain("updated");
        var first = await provider.WriteAsync(grain, Bytes(1), BytesCodec.Instance, 0);

        var second = await provider.WriteAsync(grain, Bytes(2), BytesCodec.Instance, first);
        var third = await provider.WriteAsync(grain, Bytes(3), BytesCodec.Instance, second);

        Assert.True(second > first && third > second);
        var stored = await CreateProvider().ReadAsync(grain, BytesCodec.Instance);
        Assert.Equal(new StoredStateOf(Bytes(3), third), StoredStateOf.From(stored));
    }

    [Fact]
    public async Task A_stale_etag_raises_the_conflict_exception_and_changes_nothing()
    {
        var provider = Provider();
        var grain = Grain("stale");
        var first = await provider.WriteAsync(grain, Bytes(1), BytesCodec.Instance, 0);
        var second = await provider.WriteAsync(grain, Bytes(2), BytesCodec.Instance, first);

        var conflict = await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(grain, Bytes(9), BytesCodec.Instance, first));
        Assert.Equal(grain, conflict.Grain);
        Assert.Equal(first, conflict.ExpectedETag);
        Assert.Equal(second, conflict.ActualETag);

        // Inserting over a stored state, or updating a state that was never stored, conflicts as well.
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(grain, Bytes(9), BytesCodec.Instance, 0));
        var missing = await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(Grain("never"), Bytes(9), BytesCodec.Instance, 5));
        Assert.Equal(0, missing.ActualETag);

        Assert.Equal(new StoredStateOf(Bytes(2), second), StoredStateOf.From(await provider.ReadAsync(grain, BytesCodec.Instance)));
        Assert.Null(await provider.ReadAsync(Grain("never"), BytesCodec.Instance));
    }

    [Fact]
    public async Task Two_providers_writing_the_same_grain_concurrently_exactly_one_wins_every_round()
    {
        var first = Provider();
        var second = CreateProvider();
        var grain = Grain("contended");
        var etag = await first.WriteAsync(grain, Bytes(0), BytesCodec.Instance, 0);

        for (var round = 1; round <= 20; round++)
        {
            var outcomes = await Task.WhenAll(
                Outcome(() => first.WriteAsync(grain, Bytes(1, (byte)round), BytesCodec.Instance, etag)),
                Outcome(() => second.WriteAsync(grain, Bytes(2, (byte)round), BytesCodec.Instance, etag)));

            var winners = outcomes.Where(o => o.Value is not null).ToArray();
            Assert.Single(winners);
            Assert.IsType<ETagConflictException>(outcomes.Single(o => o.Value is null).Error);
            var stored = await first.ReadAsync(grain, BytesCodec.Instance);
            Assert.Equal(winners[0].Value, stored!.ETag);
            Assert.Equal(round, ((byte[])stored.State!)[1]);
            etag = stored.ETag;
        }
    }

    [Fact]
    public async Task Two_runtimes_saving_the_same_grain_concurrently_exactly_one_wins_and_the_loser_then_sees_the_winner()
    {
        using var first = Runtime(Provider());
        using var second = Runtime(CreateProvider());
        var key = Guid.NewGuid().ToString("N");
        Assert.Equal(0, await first.StoredCounter(key).Get());
        Assert.Equal(0, await second.StoredCounter(key).Get());

        var outcomes = await Task.WhenAll(
            Outcome(() => first.StoredCounter(key).Add(1)),
            Outcome(() => second.StoredCounter(key).Add(10)));

        var winner = Assert.Single(outcomes, o => o.Value is not null);
        var loser = Assert.Single(outcomes, o => o.Value is null);
        var storageError = Assert.IsType<GrainStorageException>(loser.Error);
        Assert.IsType<ETagConflictException>(storageError.InnerException);
        var loserRuntime = outcomes[0] == loser ? first : second;
        Assert.False(loserRuntime.IsActive(loserRuntime.StoredCounter(key).Id));
        Assert.Equal(winner.Value, await loserRuntime.StoredCounter(key).Get());
        Assert.Equal(winner.Value + 5, await loserRuntime.StoredCounter(key).Add(5));
    }

    [Fact]
    public async Task A_saved_state_is_loaded_by_a_new_runtime()
    {
        var key = Guid.NewGuid().ToString("N");
        using (var grains = Runtime(Provider()))
        {
            await grains.StoredCounter(key).Add(2);
            Assert.Equal(7, await grains.StoredCounter(key).Add(5));
        }

        using var restarted = Runtime(CreateProvider());
        Assert.Equal(7, await restarted.StoredCounter(key).Get());
    }

    [Fact]
    public async Task Clear_removes_the_state_and_keeps_the_etag_monotonic()
    {
        var provider = Provider();
        var grain = Grain("cleared");
        await provider.ClearAsync(Grain("never-stored"), 0);
        var first = await provider.WriteAsync(grain, Bytes(1), BytesCodec.Instance, 0);
        var second = await provider.WriteAsync(grain, Bytes(2), BytesCodec.Instance, first);
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.ClearAsync(grain, first));
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.ClearAsync(grain, 0));

        await provider.ClearAsync(grain, second);

        var cleared = await provider.ReadAsync(grain, BytesCodec.Instance);
        Assert.Null(cleared!.State);
        Assert.True(cleared.ETag > second);
        await Assert.ThrowsAsync<ETagConflictException>(async () => await provider.WriteAsync(grain, Bytes(3), BytesCodec.Instance, second));
        var fresh = await provider.WriteAsync(grain, Bytes(4), BytesCodec.Instance, cleared.ETag);
        Assert.Equal(new StoredStateOf(Bytes(4), fresh), StoredStateOf.From(await provider.ReadAsync(grain, BytesCodec.Instance)));
    }

    [Fact]
    public async Task A_one_mebibyte_state_round_trips()
    {
        var provider = Provider();
        var grain = Grain("large");
        var large = new byte[1024 * 1024];
        new Random(4).NextBytes(large);

        var first = await provider.WriteAsync(grain, large, BytesCodec.Instance, 0);
        Assert.Equal(large, (byte[])(await CreateProvider().ReadAsync(grain, BytesCodec.Instance))!.State!);

        large[^1] ^= 0xFF;
        var second = await provider.WriteAsync(grain, large, BytesCodec.Instance, first);
        var stored = await provider.ReadAsync(grain, BytesCodec.Instance);
        Assert.Equal(second, stored!.ETag);
        Assert.Equal(large, (byte[])stored.State!);
    }

    [Fact]
    public async Task Ten_thousand_grains_are_stored_and_read_back()
    {
        const int count = 10_000;
        var provider = Provider();
        var grains = Enumerable.Range(0, count).Select(i => new GrainId(_type, GrainKey.From((long)i))).ToArray();

        var etags = await Task.WhenAll(grains.Select(g => provider.WriteAsync(g, Payload(g), BytesCodec.Instance, 0).AsTask()));
        var updated = await Task.WhenAll(grains.Select((g, i) => provider.WriteAsync(g, Payload(g, 1), BytesCodec.Instance, etags[i]).AsTask()));

        var reader = CreateProvider();
        var stored = await Task.WhenAll(grains.Select(g => reader.ReadAsync(g, BytesCodec.Instance).AsTask()));
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(updated[i], stored[i]!.ETag);
            Assert.Equal(Payload(grains[i], 1), (byte[])stored[i]!.State!);
        }

        static byte[] Payload(GrainId grain, byte version = 0) =>
            BitConverter.GetBytes(grain.Key.AsLong()).Append(version).ToArray();
    }

    [Fact]
    public async Task Keys_of_different_kinds_with_the_same_text_are_different_grains()
    {
        var provider = Provider();
        var guid = Guid.NewGuid();
        var asText = new GrainId(_type, GrainKey.From(guid.ToString("D")));
        var asGuid = new GrainId(_type, GrainKey.From(guid));

        await provider.WriteAsync(asText, Bytes(1), BytesCodec.Instance, 0);
        await provider.WriteAsync(asGuid, Bytes(2), BytesCodec.Instance, 0);

        Assert.Equal(Bytes(1), (byte[])(await provider.ReadAsync(asText, BytesCodec.Instance))!.State!);
        Assert.Equal(Bytes(2), (byte[])(await provider.ReadAsync(asGuid, BytesCodec.Instance))!.State!);
    }

    protected static InProcessRuntime Runtime(IGrainStateProvider provider) =>
        new(new InProcessRuntimeOptions { DefaultProvider = provider });

    protected IGrainStateProvider Provider() => _providers.Count > 0 ? _providers[0] : CreateProvider();

    protected IGrainStateProvider CreateProvider()
    {
        var provider = CreateStoreProvider();
        _providers.Add(provider);
        return provider;
    }

    private GrainId Grain(string key) => new(_type, GrainKey.From(key));

    private static byte[] Bytes(params byte[] bytes) => bytes;

    private static async Task<(long? Value, Exception? Error)> Outcome<T>(Func<ValueTask<T>> write)
    {
        // A provider may throw before returning its task; both count as the call's outcome.
        try
        {
            return (Convert.ToInt64(await write()), null);
        }
        catch (Exception error)
        {
            return (null, error);
        }
    }

    private sealed record StoredStateOf(string Hex, long ETag)
    {
        public StoredStateOf(byte[] bytes, long etag)
            : this(Convert.ToHexString(bytes), etag)
        {
        }

        public static StoredStateOf? From(StoredState? stored) =>
            stored is null ? null : new StoredStateOf((byte[])stored.State!, stored.ETag);
    }
}
