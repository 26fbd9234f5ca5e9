using System;
using System.Linq;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>The exact bytes the writer produces: always the smallest encoding, at every boundary of every family.</summary>
public sealed class WriterEncodingTests
{
    [Fact]
    public void Nil_and_booleans()
    {
        Assert.Equal("c0", Pack.WriteHex((ref MessagePackWriter w) => w.WriteNil()));
        Assert.Equal("c2", Pack.WriteHex((ref MessagePackWriter w) => w.WriteBoolean(false)));
        Assert.Equal("c3", Pack.WriteHex((ref MessagePackWriter w) => w.WriteBoolean(true)));
        Assert.Equal("c0", Pack.WriteHex((ref MessagePackWriter w) => w.WriteString((string?)null)));
        Assert.Equal("c0", Pack.WriteHex((ref MessagePackWriter w) => w.WriteBinary((byte[]?)null)));
    }

    [Theory]
    [InlineData(0L, "00")]
    [InlineData(1L, "01")]
    [InlineData(127L, "7f")]
    [InlineData(128L, "cc80")]
    [InlineData(255L, "ccff")]
    [InlineData(256L, "cd0100")]
    [InlineData(65535L, "cdffff")]
    [InlineData(65536L, "ce00010000")]
    [InlineData(2147483647L, "ce7fffffff")]
    [InlineData(4294967295L, "ceffffffff")]
    [InlineData(4294967296L, "cf0000000100000000")]
    [InlineData(long.MaxValue, "cf7fffffffffffffff")]
    [InlineData(-1L, "ff")]
    [InlineData(-32L, "e0")]
    [InlineData(-33L, "d0df")]
    [InlineData(-128L, "d080")]
    [InlineData(-129L, "d1ff7f")]
    [InlineData(-32768L, "d18000")]
    [InlineData(-32769L, "d2ffff7fff")]
    [InlineData(-2147483648L, "d280000000")]
    [InlineData(-2147483649L, "d3ffffffff7fffffff")]
    [InlineData(long.MinValue, "d38000000000000000")]
    public void Int64_takes_the_smallest_encoding(long value, string expected) =>
        Assert.Equal(expected, Pack.WriteHex((ref MessagePackWriter w) => w.WriteInt64(value)));

    [Theory]
    [InlineData(0UL, "00")]
    [InlineData(127UL, "7f")]
    [InlineData(128UL, "cc80")]
    [InlineData(255UL, "ccff")]
    [InlineData(256UL, "cd0100")]
    [InlineData(65535UL, "cdffff")]
    [InlineData(65536UL, "ce00010000")]
    [InlineData(4294967295UL, "ceffffffff")]
    [InlineData(4294967296UL, "cf0000000100000000")]
    [InlineData(9223372036854775807UL, "cf7fffffffffffffff")]
    [InlineData(9223372036854775808UL, "cf8000000000000000")]
    [InlineData(ulong.MaxValue, "cfffffffffffffffff")]
    public void UInt64_takes_the_smallest_encoding(ulong value, string expected) =>
        Assert.Equal(expected, Pack.WriteHex((ref MessagePackWriter w) => w.WriteUInt64(value)));

    [Theory]
    [InlineData(int.MinValue, "d280000000")]
    [InlineData(int.MaxValue, "ce7fffffff")]
    [InlineData(-33, "d0df")]
    public void Int32_takes_the_smallest_encoding(int value, string expected) =>
        Assert.Equal(expected, Pack.WriteHex((ref MessagePackWriter w) => w.WriteInt32(value)));

    [Theory]
    [InlineData(uint.MaxValue, "ceffffffff")]
    [InlineData(200u, "ccc8")]
    public void UInt32_takes_the_smallest_encoding(uint value, string expected) =>
        Assert.Equal(expected, Pack.WriteHex((ref MessagePackWriter w) => w.WriteUInt32(value)));

    [Fact]
    public void Floats_are_big_endian_ieee754()
    {
        Assert.Equal("ca3f800000", Pack.WriteHex((ref MessagePackWriter w) => w.WriteSingle(1f)));
        Assert.Equal("cabf000000", Pack.WriteHex((ref MessagePackWriter w) => w.WriteSingle(-0.5f)));
        Assert.Equal("ca7fc00000", Pack.WriteHex((ref MessagePackWriter w) => w.WriteSingle(BitConverter.Int32BitsToSingle(0x7fc00000))));
        Assert.Equal("cb3ff0000000000000", Pack.WriteHex((ref MessagePackWriter w) => w.WriteDouble(1d)));
        Assert.Equal("cb8000000000000000", Pack.WriteHex((ref MessagePackWriter w) => w.WriteDouble(-0d)));
        Assert.Equal("cb7ff0000000000000", Pack.WriteHex((ref MessagePackWriter w) => w.WriteDouble(double.PositiveInfinity)));
        Assert.Equal("cb7fefffffffffffff", Pack.WriteHex((ref MessagePackWriter w) => w.WriteDouble(double.MaxValue)));
    }

    [Theory]
    [InlineData(0, "a0")]
    [InlineData(1, "a1")]
    [InlineData(31, "bf")]
    [InlineData(32, "d920")]
    [InlineData(255, "d9ff")]
    [InlineData(256, "da0100")]
    [InlineData(65535, "daffff")]
    [InlineData(65536, "db00010000")]
    public void Str_header_at_each_length_boundary(int length, string expectedHeader)
    {
        string value = new('x', length);
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteString(value));
        byte[] header = Hex.Bytes(expectedHeader);
        Assert.Equal(header.Length + length, bytes.Length);
        Assert.Equal(expectedHeader, Hex.Of(bytes.AsSpan(0, header.Length)));
        Assert.True(bytes.AsSpan(header.Length).ToArray().All(b => b == (byte)'x'));
    }

    [Fact]
    public void Str_length_counts_utf8_bytes_not_chars()
    {
        // 11 chars of 3 UTF-8 bytes each = 33 bytes: str 8, not fixstr.
        Assert.Equal("d921" + string.Concat(Enumerable.Repeat("e38182", 11)), Pack.WriteHex((ref MessagePackWriter w) => w.WriteString(new string('\u3042', 11))));
        Assert.Equal("a4f09f8dba", Pack.WriteHex((ref MessagePackWriter w) => w.WriteString("\U0001F37A")));
        Assert.Equal("a0", Pack.WriteHex((ref MessagePackWriter w) => w.WriteString(string.Empty)));
    }

    [Fact]
    public void Lone_surrogates_are_written_as_the_replacement_character()
    {
        Assert.Equal("a861efbfbd62efbfbd", Pack.WriteHex((ref MessagePackWriter w) => w.WriteString("a\ud800b\udc00")));
    }

    [Fact]
    public void Already_encoded_utf8_is_copied()
    {
        Assert.Equal("a3616263", Pack.WriteHex((ref MessagePackWriter w) => w.WriteStringUtf8("abc"u8)));
    }

    [Theory]
    [InlineData(0, "c400")]
    [InlineData(1, "c401")]
    [InlineData(255, "c4ff")]
    [InlineData(256, "c50100")]
    [InlineData(65535, "c5ffff")]
    [InlineData(65536, "c600010000")]
    public void Bin_header_at_each_length_boundary(int length, string expectedHeader)
    {
        byte[] value = Enumerable.Range(0, length).Select(i => (byte)i).ToArray();
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteBinary(value));
        int headerLength = expectedHeader.Length / 2;
        Assert.Equal(expectedHeader, Hex.Of(bytes.AsSpan(0, headerLength)));
        Assert.Equal(value, bytes.AsSpan(headerLength).ToArray());
    }

    [Theory]
    [InlineData(0u, "90", "80")]
    [InlineData(1u, "91", "81")]
    [InlineData(15u, "9f", "8f")]
    [InlineData(16u, "dc0010", "de0010")]
    [InlineData(65535u, "dcffff", "deffff")]
    [InlineData(65536u, "dd00010000", "df00010000")]
    [InlineData(uint.MaxValue, "ddffffffff", "dfffffffff")]
    public void Array_and_map_headers_at_each_count_boundary(uint count, string arrayHeader, string mapHeader)
    {
        Assert.Equal(arrayHeader, Pack.WriteHex((ref MessagePackWriter w) => w.WriteArrayHeader(count)));
        Assert.Equal(mapHeader, Pack.WriteHex((ref MessagePackWriter w) => w.WriteMapHeader(count)));
        if (count <= int.MaxValue)
        {
            Assert.Equal(arrayHeader, Pack.WriteHex((ref MessagePackWriter w) => w.WriteArrayHeader((int)count)));
            Assert.Equal(mapHeader, Pack.WriteHex((ref MessagePackWriter w) => w.WriteMapHeader((int)count)));
        }
    }

    [Theory]
    [InlineData(0, "c70005")]
    [InlineData(1, "d405")]
    [InlineData(2, "d505")]
    [InlineData(3, "c70305")]
    [InlineData(4, "d605")]
    [InlineData(8, "d705")]
    [InlineData(16, "d805")]
    [InlineData(17, "c71105")]
    [InlineData(255, "c7ff05")]
    [InlineData(256, "c8010005")]
    [InlineData(65535, "c8ffff05")]
    [InlineData(65536, "c90001000005")]
    public void Ext_header_at_each_length(int length, string expectedHeader)
    {
        byte[] payload = Enumerable.Repeat((byte)0xab, length).ToArray();
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteExtension(5, payload));
        int headerLength = expectedHeader.Length / 2;
        Assert.Equal(expectedHeader, Hex.Of(bytes.AsSpan(0, headerLength)));
        Assert.Equal(payload, bytes.AsSpan(headerLength).ToArray());
    }

    [Fact]
    public void Ext_type_is_a_signed_byte()
    {
        Assert.Equal("d4807f", Pack.WriteHex((ref MessagePackWriter w) => w.WriteExtension(-128, [0x7f])));
        Assert.Equal("d47f00", Pack.WriteHex((ref MessagePackWriter w) => w.WriteExtension(127, [0x00])));
    }

    [Theory]
    [InlineData(0L, 0u, "d6ff00000000")]
    [InlineData(1514862245L, 0u, "d6ff5a4af6a5")]
    [InlineData(4294967295L, 0u, "d6ffffffffff")]
    [InlineData(4294967296L, 0u, "d7ff0000000100000000")]
    [InlineData(0L, 1u, "d7ff0000000400000000")]
    [InlineData(1514862245L, 678901234u, "d7ffa1dcd7c85a4af6a5")]
    [InlineData(17179869183L, 999999999u, "d7ffee6b27ffffffffff")]
    [InlineData(17179869184L, 0u, "c70cff000000000000000400000000")]
    [InlineData(-1L, 0u, "c70cff00000000ffffffffffffffff")]
    [InlineData(-1L, 999999999u, "c70cff3b9ac9ffffffffffffffffff")]
    [InlineData(-62167219200L, 0u, "c70cff00000000fffffff1868b8400")]
    [InlineData(long.MinValue, 999999999u, "c70cff3b9ac9ff8000000000000000")]
    [InlineData(long.MaxValue, 0u, "c70cff000000007fffffffffffffff")]
    public void Timestamp_takes_the_smallest_of_its_three_forms(long seconds, uint nanoseconds, string expected) =>
        Assert.Equal(expected, Pack.WriteHex((ref MessagePackWriter w) => w.WriteTimestamp(new MessagePackTimestamp(seconds, nanoseconds))));

    [Fact]
    public void DateTime_timestamps_are_utc()
    {
        DateTime utc = new(2018, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        Assert.Equal("d6ff5a4af6a5", Pack.WriteHex((ref MessagePackWriter w) => w.WriteTimestamp(utc)));
        Assert.Equal("d6ff5a4af6a5", Pack.WriteHex((ref MessagePackWriter w) => w.WriteTimestamp(DateTime.SpecifyKind(utc, DateTimeKind.Unspecified))));
        Assert.Equal("d6ff5a4af6a5", Pack.WriteHex((ref MessagePackWriter w) => w.WriteTimestamp(utc.ToLocalTime())));
        Assert.Equal("c70cff00000000fffffff1886e0900", Pack.WriteHex((ref MessagePackWriter w) => w.WriteTimestamp(DateTime.MinValue)));
        Assert.Equal("c70cff3b9ac99c0000003afff4417f", Pack.WriteHex((ref MessagePackWriter w) => w.WriteTimestamp(DateTime.MaxValue)));
    }

    [Fact]
    public void Nothing_is_committed_before_Flush()
    {
        System.Buffers.ArrayBufferWriter<byte> output = new();
        MessagePackWriter writer = new(output);
        writer.WriteInt32(1);
        Assert.Equal(0, output.WrittenCount);
        writer.Flush();
        Assert.Equal(1, output.WrittenCount);
        writer.WriteInt32(2);
        writer.Flush();
        writer.Flush();
        Assert.Equal("0102", Hex.Of(output.WrittenSpan));
    }

    [Fact]
    public void Large_strings_and_binaries_are_written_across_small_chunks()
    {
        string text = string.Concat(Enumerable.Repeat("a\U0001F37A\u00e9\u3042", 20_000)) + "z";
        ChunkingBufferWriter output = new();
        MessagePackWriter writer = new(output);
        writer.WriteString(text);
        byte[] blob = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 7)).ToArray();
        writer.WriteBinary(blob);
        writer.Flush();

        Assert.True(output.Chunks > 100);
        byte[] expectedText = System.Text.Encoding.UTF8.GetBytes(text);
        MessagePackReader reader = new(output.WrittenBytes);
        Assert.Equal(text, reader.ReadString());
        Assert.Equal(blob, reader.ReadBytes());
        Assert.True(reader.End);
        Assert.Equal("db" + expectedText.Length.ToString("x8", System.Globalization.CultureInfo.InvariantCulture), Hex.Of(output.WrittenBytes.AsSpan(0, 5)));
    }
}
