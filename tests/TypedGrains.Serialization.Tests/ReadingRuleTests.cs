using System;
using TypedGrains.Serialization.Formatters;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>
/// The reading rules of docs/serialization.md where they differ from MessagePack-CSharp's conventions, on bytes laid out
/// the way MessagePack-CSharp writes them (built by hand here from its documented format).
/// </summary>
public sealed class ReadingRuleTests
{
    [Fact]
    public void A_guid_written_as_its_36_character_string_is_refused()
    {
        byte[] asString = Pack.Write((ref MessagePackWriter w) => w.WriteString("00112233-4455-6677-8899-aabbccddeeff"));

        var error = Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(asString, GuidFormatter.Instance));

        Assert.Contains("Binary", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_date_time_offset_is_its_utc_instant_so_the_local_clock_time_labelled_utc_reads_shifted_by_the_offset()
    {
        var value = new DateTimeOffset(2024, 3, 1, 12, 0, 0, TimeSpan.FromHours(2));
        byte[] localClock = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteArrayHeader(2);
            w.WriteTimestamp(new DateTime(value.Ticks, DateTimeKind.Utc));
            w.WriteInt32(120);
        });

        DateTimeOffset ours = MessagePackSerializer.Deserialize(MessagePackSerializer.Serialize(value, DateTimeOffsetFormatter.Instance), DateTimeOffsetFormatter.Instance);
        DateTimeOffset theirs = MessagePackSerializer.Deserialize(localClock, DateTimeOffsetFormatter.Instance);

        Assert.True(value.EqualsExact(ours));
        Assert.Equal(value.Offset, theirs.Offset);
        Assert.Equal(value.UtcDateTime + value.Offset, theirs.UtcDateTime);
    }

    [Theory]
    [InlineData("cb3ff0000000000000")] // float 64 1.0
    [InlineData("ca3f800000")] // float 32 1.0
    public void Integers_refuse_integral_floats(string hex)
    {
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes(hex), Int32Formatter.Instance));
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes(hex), TimeSpanFormatter.Instance));
    }

    [Fact]
    public void Invalid_utf8_is_refused_rather_than_replaced()
    {
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("a2c328"), StringFormatter.Instance));
    }

    [Fact]
    public void Booleans_are_true_or_false_only_and_doubles_take_integers()
    {
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("01"), BooleanFormatter.Instance));
        Assert.Equal(7.0, MessagePackSerializer.Deserialize(Hex.Bytes("07"), DoubleFormatter.Instance));
        Assert.Equal(1.5f, MessagePackSerializer.Deserialize(Hex.Bytes("cb3ff8000000000000"), SingleFormatter.Instance));
    }
}
