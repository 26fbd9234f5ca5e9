using System;
using System.Buffers;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Misuse of the API (not bad input) is reported with the ordinary argument and operation exceptions.</summary>
public sealed class ApiContractTests
{
    [Fact]
    public void Timestamp_rejects_nanoseconds_over_999999999()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackTimestamp(0, 1_000_000_000));
        Assert.Equal(999_999_999u, new MessagePackTimestamp(0, 999_999_999).Nanoseconds);
        Assert.Equal(new MessagePackTimestamp(0, 0), default);
    }

    [Fact]
    public void Timestamp_converts_to_and_from_DateTime_exactly_to_the_tick()
    {
        Assert.Equal(new MessagePackTimestamp(-1, 999_999_900), MessagePackTimestamp.FromDateTime(DateTime.UnixEpoch.AddTicks(-1)));
        Assert.Equal(new MessagePackTimestamp(-62_135_596_800, 0), MessagePackTimestamp.FromDateTime(DateTime.MinValue));
        Assert.Equal(DateTime.UnixEpoch.AddTicks(12), new MessagePackTimestamp(0, 1_299).ToDateTime());
        Assert.False(new MessagePackTimestamp(-62_135_596_801, 0).IsInDateTimeRange);
        Assert.False(new MessagePackTimestamp(253_402_300_800, 0).IsInDateTimeRange);
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackTimestamp(253_402_300_800, 0).ToDateTime());
        Assert.Equal("-5s+7ns", new MessagePackTimestamp(-5, 7).ToString());
    }

    [Fact]
    public void Writer_rejects_negative_lengths_and_counts()
    {
        ArrayBufferWriter<byte> output = new();
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackWriter(output).WriteArrayHeader(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackWriter(output).WriteMapHeader(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackWriter(output).WriteStringHeader(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackWriter(output).WriteBinaryHeader(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackWriter(output).WriteExtensionHeader(1, -1));
        Assert.Throws<ArgumentNullException>(() => new MessagePackWriter(null!));
    }

    [Fact]
    public void Reader_depth_bookkeeping_is_checked()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MessagePackReader([], maxDepth: -1));
        Assert.Throws<InvalidOperationException>(() => new MessagePackReader([]).DecreaseDepth());
        Assert.Throws<InvalidOperationException>(() => _ = new MessagePackReader([0xc0]).Position);

        MessagePackReader reader = new([0xc0], maxDepth: 1);
        Assert.Equal(1, reader.MaxDepth);
        Assert.Equal(MessagePackReader.DefaultMaxDepth, new MessagePackReader([0xc0]).MaxDepth);
        reader.IncreaseDepth();
        Assert.Equal(1, reader.Depth);
        MessagePackSerializationException error = Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader deep = new([0xc0], maxDepth: 1);
            deep.IncreaseDepth();
            deep.IncreaseDepth();
        });
        Assert.Contains("limit of 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_families_cover_all_256_bytes()
    {
        int[] counts = new int[Enum.GetValues<MessagePackType>().Length];
        for (int code = 0; code < 256; code++)
        {
            counts[(int)MessagePackCode.ToMessagePackType((byte)code)]++;
        }

        Assert.Equal(1, counts[(int)MessagePackType.Unknown]);
        Assert.Equal(1, counts[(int)MessagePackType.Nil]);
        Assert.Equal(2, counts[(int)MessagePackType.Boolean]);
        Assert.Equal(128 + 32 + 8, counts[(int)MessagePackType.Integer]);
        Assert.Equal(2, counts[(int)MessagePackType.Float]);
        Assert.Equal(32 + 3, counts[(int)MessagePackType.String]);
        Assert.Equal(3, counts[(int)MessagePackType.Binary]);
        Assert.Equal(16 + 2, counts[(int)MessagePackType.Array]);
        Assert.Equal(16 + 2, counts[(int)MessagePackType.Map]);
        Assert.Equal(5 + 3, counts[(int)MessagePackType.Extension]);
    }
}
