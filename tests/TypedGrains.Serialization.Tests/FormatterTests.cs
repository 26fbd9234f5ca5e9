using System;
using System.Buffers;
using TypedGrains.Serialization.Formatters;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>The primitive formatters: round trips, their documented encodings, and their rejections.</summary>
public sealed class FormatterTests
{
    [Fact]
    public void Integer_and_boolean_formatters_round_trip_their_extremes()
    {
        RoundTrip(BooleanFormatter.Instance, true, "c3");
        RoundTrip(SByteFormatter.Instance, sbyte.MinValue, "d080");
        RoundTrip(ByteFormatter.Instance, byte.MaxValue, "ccff");
        RoundTrip(Int16Formatter.Instance, short.MinValue, "d18000");
        RoundTrip(UInt16Formatter.Instance, ushort.MaxValue, "cdffff");
        RoundTrip(Int32Formatter.Instance, int.MinValue, "d280000000");
        RoundTrip(UInt32Formatter.Instance, uint.MaxValue, "ceffffffff");
        RoundTrip(Int64Formatter.Instance, long.MinValue, "d38000000000000000");
        RoundTrip(UInt64Formatter.Instance, ulong.MaxValue, "cfffffffffffffffff");
        RoundTrip(Int32Formatter.Instance, 1, "01");
        RoundTrip(SingleFormatter.Instance, 0.5f, "ca3f000000");
        RoundTrip(DoubleFormatter.Instance, 0.5, "cb3fe0000000000000");
    }

    [Fact]
    public void String_and_byte_array_formatters_map_null_to_nil()
    {
        RoundTrip(StringFormatter.Instance, null, "c0");
        RoundTrip(StringFormatter.Instance, "\u00e9", "a2c3a9");
        RoundTrip(ByteArrayFormatter.Instance, null, "c0");
        Assert.Equal([1, 2], RoundTrip(ByteArrayFormatter.Instance, [1, 2], "c4020102"));
    }

    [Fact]
    public void Guid_is_a_16_byte_bin_in_big_endian_order()
    {
        Guid value = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");
        RoundTrip(GuidFormatter.Instance, value, "c410" + "00112233445566778899aabbccddeeff");
        RoundTrip(GuidFormatter.Instance, Guid.Empty, "c410" + new string('0', 32));
        MessagePackSerializationException error = Assert.Throws<MessagePackSerializationException>(
            () => MessagePackSerializer.Deserialize(Hex.Bytes("c403010203"), GuidFormatter.Instance));
        Assert.Contains("16-byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TimeSpan_is_its_tick_count()
    {
        RoundTrip(TimeSpanFormatter.Instance, TimeSpan.FromTicks(1), "01");
        RoundTrip(TimeSpanFormatter.Instance, TimeSpan.FromSeconds(1), "ce00989680");
        RoundTrip(TimeSpanFormatter.Instance, TimeSpan.MinValue, "d38000000000000000");
        RoundTrip(TimeSpanFormatter.Instance, TimeSpan.MaxValue, "cf7fffffffffffffff");
    }

    [Fact]
    public void Decimal_is_an_invariant_string_that_keeps_its_scale()
    {
        RoundTrip(DecimalFormatter.Instance, 1.50m, "a4312e3530");
        RoundTrip(DecimalFormatter.Instance, -0.0000000000000000000000000001m, "bf2d302e30303030303030303030303030303030303030303030303030303031");
        RoundTrip(DecimalFormatter.Instance, decimal.MaxValue, "bd3739323238313632353134323634333337353933353433393530333335");
        RoundTrip(DecimalFormatter.Instance, decimal.MinValue, "be2d3739323238313632353134323634333337353933353433393530333335");
        MessagePackReader reader = new(Hex.Bytes("a4312e3530"));
        Assert.Equal("1.50", DecimalFormatter.Instance.Deserialize(ref reader).ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("a3616263"), DecimalFormatter.Instance));
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("a3314533"), DecimalFormatter.Instance));
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(
            Pack.Write((ref MessagePackWriter w) => w.WriteString(new string('1', 65))), DecimalFormatter.Instance));
    }

    [Fact]
    public void DateTime_is_a_timestamp_and_reads_back_as_utc()
    {
        DateTime utc = new(2018, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Assert.Equal(DateTimeKind.Utc, RoundTrip(DateTimeFormatter.Instance, utc, "d6ff5a4af6a5").Kind);
        Assert.Equal(utc, MessagePackSerializer.Deserialize(MessagePackSerializer.Serialize(utc.ToLocalTime(), DateTimeFormatter.Instance), DateTimeFormatter.Instance));
        DateTime unspecified = DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
        Assert.Equal("d6ff5a4af6a5", Hex.Of(MessagePackSerializer.Serialize(unspecified, DateTimeFormatter.Instance)));
        RoundTrip(DateTimeFormatter.Instance, DateTime.MaxValue, "c70cff3b9ac99c0000003afff4417f");
    }

    [Fact]
    public void DateTimeOffset_keeps_the_instant_and_the_offset()
    {
        DateTimeOffset value = new(2018, 1, 2, 5, 4, 5, TimeSpan.FromHours(2));
        DateTimeOffset read = RoundTrip(DateTimeOffsetFormatter.Instance, value, "92d6ff5a4af6a578");
        Assert.Equal(value.Offset, read.Offset);
        Assert.Equal(value.UtcDateTime, read.UtcDateTime);

        DateTimeOffset negative = new(2000, 6, 1, 12, 0, 0, TimeSpan.FromMinutes(-570));
        Assert.True(negative.EqualsExact(MessagePackSerializer.Deserialize(MessagePackSerializer.Serialize(negative, DateTimeOffsetFormatter.Instance), DateTimeOffsetFormatter.Instance)));
        Assert.True(DateTimeOffset.MinValue.EqualsExact(MessagePackSerializer.Deserialize(MessagePackSerializer.Serialize(DateTimeOffset.MinValue, DateTimeOffsetFormatter.Instance), DateTimeOffsetFormatter.Instance)));

        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("91d6ff5a4af6a5"), DateTimeOffsetFormatter.Instance));
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("92d6ff5a4af6a5cd0400"), DateTimeOffsetFormatter.Instance));
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("92c70cff00000000fffffff1886e0900d081"), DateTimeOffsetFormatter.Instance));
    }

    [Fact]
    public void The_serializer_reads_sequences_too()
    {
        byte[] bytes = MessagePackSerializer.Serialize("segmented", StringFormatter.Instance);
        Assert.Equal("segmented", MessagePackSerializer.Deserialize(Segments.SplitAt(bytes, 4), StringFormatter.Instance));
        ArrayBufferWriter<byte> output = new();
        MessagePackSerializer.Serialize(output, 300, Int32Formatter.Instance);
        Assert.Equal("cd012c", Hex.Of(output.WrittenSpan));
    }

    private static T RoundTrip<T>(IMessagePackFormatter<T> formatter, T value, string expectedHex)
    {
        byte[] bytes = MessagePackSerializer.Serialize(value, formatter);
        Assert.Equal(expectedHex, Hex.Of(bytes));
        T read = MessagePackSerializer.Deserialize(bytes, formatter);
        Assert.Equal(value, read);
        return read;
    }
}
