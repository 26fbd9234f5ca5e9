using System;
using System.Linq;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Every read method on every encoding it accepts, including the wider-than-needed ones other writers produce.</summary>
public sealed class ReaderTests
{
    public static TheoryData<long> Int64Boundaries => new()
    {
        0, 1, 127, 128, 255, 256, 32767, 32768, 65535, 65536, int.MaxValue, (long)int.MaxValue + 1, uint.MaxValue,
        (long)uint.MaxValue + 1, long.MaxValue, -1, -32, -33, -128, -129, -32768, -32769, int.MinValue,
        (long)int.MinValue - 1, long.MinValue,
    };

    public static TheoryData<ulong> UInt64Boundaries => new()
    {
        0, 127, 128, 255, 256, 65535, 65536, uint.MaxValue, (ulong)uint.MaxValue + 1, long.MaxValue,
        (ulong)long.MaxValue + 1, ulong.MaxValue,
    };

    [Theory]
    [MemberData(nameof(Int64Boundaries))]
    public void Int64_round_trips(long value)
    {
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteInt64(value));
        MessagePackReader reader = new(bytes);
        Assert.Equal(MessagePackType.Integer, reader.NextMessagePackType);
        Assert.Equal(value, reader.ReadInt64());
        Assert.True(reader.End);
        Assert.Equal(bytes.Length, reader.Consumed);
    }

    [Theory]
    [MemberData(nameof(UInt64Boundaries))]
    public void UInt64_round_trips(ulong value)
    {
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteUInt64(value));
        MessagePackReader reader = new(bytes);
        Assert.Equal(value, reader.ReadUInt64());
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("7f", 127L)]
    [InlineData("cc7f", 127L)]
    [InlineData("cd007f", 127L)]
    [InlineData("ce0000007f", 127L)]
    [InlineData("cf000000000000007f", 127L)]
    [InlineData("d07f", 127L)]
    [InlineData("d1007f", 127L)]
    [InlineData("d20000007f", 127L)]
    [InlineData("d3000000000000007f", 127L)]
    [InlineData("d0ff", -1L)]
    [InlineData("d1ffff", -1L)]
    [InlineData("d2ffffffff", -1L)]
    [InlineData("d3ffffffffffffffff", -1L)]
    [InlineData("cfffffffffffffffff", null)]
    public void Every_integer_width_is_accepted(string hex, long? expected)
    {
        MessagePackReader reader = new(Hex.Bytes(hex));
        if (expected is null)
        {
            Assert.Equal(ulong.MaxValue, reader.ReadUInt64());
        }
        else
        {
            Assert.Equal(expected.Value, reader.ReadInt64());
        }

        Assert.True(reader.End);
    }

    [Fact]
    public void Narrow_integer_reads_check_their_range()
    {
        Assert.Equal(sbyte.MinValue, Read("d080", (ref MessagePackReader r) => r.ReadSByte()));
        Assert.Equal(byte.MaxValue, Read("d100ff", (ref MessagePackReader r) => r.ReadByte()));
        Assert.Equal(short.MinValue, Read("d3ffffffffffff8000", (ref MessagePackReader r) => r.ReadInt16()));
        Assert.Equal(ushort.MaxValue, Read("cdffff", (ref MessagePackReader r) => r.ReadUInt16()));
        Assert.Equal(int.MinValue, Read("d280000000", (ref MessagePackReader r) => r.ReadInt32()));
        Assert.Equal(uint.MaxValue, Read("cf00000000ffffffff", (ref MessagePackReader r) => r.ReadUInt32()));

        AssertOverflow("cc80", (ref MessagePackReader r) => r.ReadSByte(), "SByte");
        AssertOverflow("ff", (ref MessagePackReader r) => r.ReadByte(), "Byte");
        AssertOverflow("cd8000", (ref MessagePackReader r) => r.ReadInt16(), "Int16");
        AssertOverflow("ce00010000", (ref MessagePackReader r) => r.ReadUInt16(), "UInt16");
        AssertOverflow("ce80000000", (ref MessagePackReader r) => r.ReadInt32(), "Int32");
        AssertOverflow("d2ffffffff", (ref MessagePackReader r) => r.ReadUInt32(), "UInt32");
        AssertOverflow("cf8000000000000000", (ref MessagePackReader r) => r.ReadInt64(), "Int64");
        AssertOverflow("ff", (ref MessagePackReader r) => r.ReadUInt64(), "UInt64");
        AssertOverflow("d38000000000000000", (ref MessagePackReader r) => r.ReadUInt64(), "UInt64");
    }

    [Fact]
    public void Floats_round_trip_and_widen()
    {
        foreach (double value in new[] { 0d, -0d, 1.5, -1e300, double.Epsilon, double.NaN, double.NegativeInfinity, Math.PI })
        {
            byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteDouble(value));
            Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(Read(bytes, (ref MessagePackReader r) => r.ReadDouble())));
        }

        foreach (float value in new[] { 0f, -0f, 1.5f, float.MaxValue, float.Epsilon, float.NaN, float.PositiveInfinity })
        {
            byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteSingle(value));
            Assert.Equal(BitConverter.SingleToInt32Bits(value), BitConverter.SingleToInt32Bits(Read(bytes, (ref MessagePackReader r) => r.ReadSingle())));
            Assert.Equal((double)value, Read(bytes, (ref MessagePackReader r) => r.ReadDouble()));
        }

        Assert.Equal(0.1f, Read("cb3fb999999999999a", (ref MessagePackReader r) => r.ReadSingle()));
        Assert.Equal(-33d, Read("d0df", (ref MessagePackReader r) => r.ReadDouble()));
        Assert.Equal(18446744073709551615d, Read("cfffffffffffffffff", (ref MessagePackReader r) => r.ReadDouble()));
        Assert.Equal(65536f, Read("ce00010000", (ref MessagePackReader r) => r.ReadSingle()));
    }

    [Fact]
    public void Nil_and_booleans()
    {
        MessagePackReader reader = new(Hex.Bytes("c0 c2 c3 c0 c0 c0"));
        Assert.True(reader.TryReadNil());
        Assert.False(reader.TryReadNil());
        Assert.Equal(1, reader.Consumed);
        Assert.False(reader.ReadBoolean());
        Assert.True(reader.ReadBoolean());
        reader.ReadNil();
        Assert.Null(reader.ReadString());
        Assert.Null(reader.ReadBytes());
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void Strings_round_trip_at_each_length_boundary(int length)
    {
        string value = string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))));
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteString(value));
        Assert.Equal(value, Read(bytes, (ref MessagePackReader r) => r.ReadString()));

        MessagePackReader reader = new(bytes);
        Assert.True(reader.TryReadStringSpan(out ReadOnlySpan<byte> utf8));
        Assert.Equal(value, System.Text.Encoding.UTF8.GetString(utf8));
        Assert.True(reader.End);

        reader = new MessagePackReader(bytes);
        Assert.Equal(length, reader.ReadStringHeader());
        Assert.Equal(length, reader.Remaining);
    }

    [Theory]
    [InlineData("a161", "a")]
    [InlineData("d90161", "a")]
    [InlineData("da000161", "a")]
    [InlineData("db0000000161", "a")]
    [InlineData("a6e6bca2e5ad97", "\u6f22\u5b57")]
    [InlineData("a4f09f8dba", "\U0001F37A")]
    public void Every_string_width_is_accepted(string hex, string expected) =>
        Assert.Equal(expected, Read(hex, (ref MessagePackReader r) => r.ReadString()));

    [Theory]
    [InlineData(0)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(65535)]
    [InlineData(65536)]
    public void Binaries_round_trip_at_each_length_boundary(int length)
    {
        byte[] value = Enumerable.Range(0, length).Select(i => (byte)(i * 31)).ToArray();
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteBinary(value));
        Assert.Equal(value, Read(bytes, (ref MessagePackReader r) => r.ReadBytes()));

        MessagePackReader reader = new(bytes);
        Assert.True(reader.TryReadBytesSpan(out ReadOnlySpan<byte> span));
        Assert.Equal(value, span.ToArray());
        Assert.True(reader.End);
    }

    [Fact]
    public void Array_and_map_headers_of_every_width()
    {
        Assert.Equal(1, Read("9101", (ref MessagePackReader r) => { int n = r.ReadArrayHeader(); r.Skip(); return n; }));
        Assert.Equal(1, Read("dc000101", (ref MessagePackReader r) => { int n = r.ReadArrayHeader(); r.Skip(); return n; }));
        Assert.Equal(1, Read("dd0000000101", (ref MessagePackReader r) => { int n = r.ReadArrayHeader(); r.Skip(); return n; }));
        Assert.Equal(1, Read("81a16101", (ref MessagePackReader r) => { int n = r.ReadMapHeader(); r.Skip(); r.Skip(); return n; }));
        Assert.Equal(1, Read("de0001a16101", (ref MessagePackReader r) => { int n = r.ReadMapHeader(); r.Skip(); r.Skip(); return n; }));
        Assert.Equal(1, Read("df00000001a16101", (ref MessagePackReader r) => { int n = r.ReadMapHeader(); r.Skip(); r.Skip(); return n; }));

        foreach (int count in new[] { 0, 15, 16, 65535, 65536 })
        {
            byte[] bytes = Pack.Write((ref MessagePackWriter w) =>
            {
                w.WriteArrayHeader(count);
                for (int i = 0; i < count; i++)
                {
                    w.WriteNil();
                }

                w.WriteMapHeader(count);
                for (int i = 0; i < count; i++)
                {
                    w.WriteInt32(i);
                    w.WriteBoolean(true);
                }
            });
            Pack.ReadAll(bytes, (ref MessagePackReader r) =>
            {
                Assert.Equal(count, r.ReadArrayHeader());
                for (int i = 0; i < count; i++)
                {
                    r.ReadNil();
                }

                Assert.Equal(count, r.ReadMapHeader());
                for (int i = 0; i < count; i++)
                {
                    Assert.Equal(i, r.ReadInt32());
                    Assert.True(r.ReadBoolean());
                }
            });
        }
    }

    [Theory]
    [InlineData("d40510", 5, "10")]
    [InlineData("d5052021", 5, "2021")]
    [InlineData("d60530313233", 5, "30313233")]
    [InlineData("d7054041424344454647", 5, "4041424344454647")]
    [InlineData("d805505152535455565758595a5b5c5d5e5f", 5, "505152535455565758595a5b5c5d5e5f")]
    [InlineData("c70006", 6, "")]
    [InlineData("c8000006", 6, "")]
    [InlineData("c90000000006", 6, "")]
    [InlineData("c70307707172", 7, "707172")]
    [InlineData("c8000307707172", 7, "707172")]
    [InlineData("c900000003807071 72", -128, "707172")]
    public void Extensions_of_every_width(string hex, int type, string payload)
    {
        MessagePackReader reader = new(Hex.Bytes(hex));
        Assert.Equal(MessagePackType.Extension, reader.NextMessagePackType);
        MessagePackReader copy = reader;
        ExtensionHeader header = copy.ReadExtensionHeader();
        Assert.Equal(new ExtensionHeader((sbyte)type, payload.Length / 2), header);
        byte[] raw = new byte[header.Length];
        copy.ReadRaw(raw);
        Assert.Equal(payload, Hex.Of(raw));
        Assert.True(copy.End);

        Assert.Equal(payload, Hex.Of(reader.ReadExtension(out sbyte typeCode)));
        Assert.Equal((sbyte)type, typeCode);
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("d6ff5a4af6a5", 1514862245L, 0u)]
    [InlineData("d7ffa1dcd7c85a4af6a5", 1514862245L, 678901234u)]
    [InlineData("d7ff0000000400000000", 0L, 1u)]
    [InlineData("d7ffee6b27ffffffffff", 17179869183L, 999999999u)]
    [InlineData("c70cff000000000000000400000000", 17179869184L, 0u)]
    [InlineData("c70cff3b9ac9ffffffffffffffffff", -1L, 999999999u)]
    [InlineData("c70cff00000000fffffff1868b8400", -62167219200L, 0u)]
    [InlineData("c70cff3b9ac9ff0000003afff4417f", 253402300799L, 999999999u)]
    public void Timestamps_of_all_three_forms(string hex, long seconds, uint nanoseconds)
    {
        Assert.Equal(new MessagePackTimestamp(seconds, nanoseconds), Read(hex, (ref MessagePackReader r) => r.ReadTimestamp()));
    }

    [Fact]
    public void Timestamps_convert_to_utc_DateTime()
    {
        DateTime value = Read("d7ffa1dcd7c85a4af6a5", (ref MessagePackReader r) => r.ReadDateTime());
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(new DateTime(2018, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(6789012), value);

        DateTime before1970 = Read("c70cff3b9ac9ffffffffffffffffff", (ref MessagePackReader r) => r.ReadDateTime());
        Assert.Equal(DateTime.UnixEpoch.AddTicks(-1), before1970);

        foreach (DateTime instant in new[] { DateTime.MinValue, DateTime.MaxValue, DateTime.UnixEpoch, DateTime.UnixEpoch.AddTicks(-1), new DateTime(2106, 2, 7, 6, 28, 16, DateTimeKind.Utc) })
        {
            byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteTimestamp(instant));
            Assert.Equal(instant.Ticks, Read(bytes, (ref MessagePackReader r) => r.ReadDateTime()).Ticks);
        }

        MessagePackSerializationException error = Assert.Throws<MessagePackSerializationException>(
            () => Read("c70cff00000000fffffff1868b8400", (ref MessagePackReader r) => r.ReadDateTime()));
        Assert.Contains("range of DateTime", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Peeking_does_not_move_the_reader()
    {
        MessagePackReader reader = new(Hex.Bytes("c0 c3 05 ca00000000 a0 c400 90 80 d40000"));
        MessagePackType[] expected =
        [
            MessagePackType.Nil, MessagePackType.Boolean, MessagePackType.Integer, MessagePackType.Float, MessagePackType.String,
            MessagePackType.Binary, MessagePackType.Array, MessagePackType.Map, MessagePackType.Extension,
        ];
        foreach (MessagePackType type in expected)
        {
            long before = reader.Consumed;
            Assert.Equal(type, reader.NextMessagePackType);
            Assert.Equal(type, MessagePackCode.ToMessagePackType(reader.NextCode));
            Assert.Equal(before, reader.Consumed);
            reader.Skip();
        }

        Assert.True(reader.End);
    }

    [Fact]
    public void Skip_passes_over_every_family()
    {
        byte[] payload = SamplePayloads.KitchenSink();
        MessagePackReader reader = new(payload);
        reader.Skip();
        Assert.True(reader.End);
    }

    [Fact]
    public void Skip_allows_exactly_MaxDepth_levels()
    {
        byte[] sixtyFour = Enumerable.Repeat((byte)0x91, 63).Append((byte)0x90).ToArray();
        MessagePackReader reader = new(sixtyFour);
        reader.Skip();
        Assert.True(reader.End);

        byte[] sixtyFive = Enumerable.Repeat((byte)0x91, 64).Append((byte)0x90).ToArray();
        MessagePackReader deeper = new(sixtyFive, maxDepth: 65);
        deeper.Skip();
        Assert.True(deeper.End);
    }

    [Fact]
    public void Depth_counted_by_formatters_limits_Skip_too()
    {
        byte[] nested = Enumerable.Repeat((byte)0x91, 3).Append((byte)0x90).ToArray(); // 4 levels
        MessagePackReader reader = new(nested, maxDepth: 5);
        reader.IncreaseDepth();
        reader.Skip();
        reader.DecreaseDepth();
        Assert.Equal(0, reader.Depth);

        Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader limited = new(nested, maxDepth: 5);
            limited.IncreaseDepth();
            limited.IncreaseDepth();
            limited.Skip();
        });
    }

    [Fact]
    public void ReadRaw_copies_bytes_as_they_are()
    {
        MessagePackReader reader = new(Hex.Bytes("0102030405"));
        Span<byte> two = stackalloc byte[2];
        reader.ReadRaw(two);
        Assert.Equal("0102", Hex.Of(two));
        Assert.Equal("030405", Hex.Of(reader.ReadRaw(3)));
        Assert.True(reader.End);
        Assert.Throws<MessagePackSerializationException>(() => new MessagePackReader([1]).ReadRaw(2));
    }

    private delegate T ReadFunc<T>(ref MessagePackReader reader);

    private static T Read<T>(string hex, ReadFunc<T> read) => Read(Hex.Bytes(hex), read);

    private static T Read<T>(byte[] bytes, ReadFunc<T> read)
    {
        MessagePackReader reader = new(bytes);
        T value = read(ref reader);
        Assert.True(reader.End, $"{reader.Remaining} byte(s) left unread");
        return value;
    }

    private static void AssertOverflow<T>(string hex, ReadFunc<T> read, string typeName)
    {
        MessagePackSerializationException error = Assert.Throws<MessagePackSerializationException>(() => Read(hex, read));
        Assert.Contains($"does not fit in {typeName}", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, error.Offset);
    }
}
