using System;
using System.Diagnostics;
using System.Linq;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Bad input always ends in <see cref="MessagePackSerializationException"/>, quickly and without big allocations.</summary>
public sealed class MalformedInputTests
{
    private delegate void ReadAction(ref MessagePackReader reader);

    [Fact]
    public void Every_truncation_of_every_valid_payload_throws_the_specific_exception()
    {
        foreach (byte[] payload in SamplePayloads.All())
        {
            for (int length = 0; length < payload.Length; length++)
            {
                byte[] truncated = payload[..length];
                AssertBad(truncated, (ref MessagePackReader r) => r.Skip());
                AssertBad(truncated, (ref MessagePackReader r) => MsgNodeCodec.Read(ref r));
                AssertBad(Segments.SplitAt(truncated, length / 2), (ref MessagePackReader r) => MsgNodeCodec.Read(ref r));
            }
        }
    }

    [Fact]
    public void Truncation_messages_name_the_offset()
    {
        MessagePackSerializationException error = Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader reader = new(Hex.Bytes("01 cd 00"));
            reader.ReadInt32();
            reader.ReadInt32();
        });
        Assert.Equal(1, error.Offset);
        Assert.Contains("offset 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("ends too early", error.Message, StringComparison.Ordinal);

        Assert.Throws<MessagePackSerializationException>(() => new MessagePackReader([]).ReadNil());
    }

    [Fact]
    public void The_reserved_code_0xc1_is_rejected_by_every_read()
    {
        byte[] c1 = [0xc1];
        ReadAction[] reads =
        [
            (ref MessagePackReader r) => r.Skip(),
            (ref MessagePackReader r) => _ = r.NextMessagePackType,
            (ref MessagePackReader r) => r.ReadNil(),
            (ref MessagePackReader r) => r.ReadBoolean(),
            (ref MessagePackReader r) => r.ReadInt64(),
            (ref MessagePackReader r) => r.ReadUInt64(),
            (ref MessagePackReader r) => r.ReadDouble(),
            (ref MessagePackReader r) => r.ReadSingle(),
            (ref MessagePackReader r) => r.ReadString(),
            (ref MessagePackReader r) => r.ReadBytes(),
            (ref MessagePackReader r) => r.ReadArrayHeader(),
            (ref MessagePackReader r) => r.ReadMapHeader(),
            (ref MessagePackReader r) => r.ReadExtensionHeader(),
            (ref MessagePackReader r) => r.ReadTimestamp(),
        ];
        foreach (ReadAction read in reads)
        {
            MessagePackSerializationException error = AssertBad(c1, read);
            Assert.Contains("0xc1", error.Message, StringComparison.Ordinal);
        }

        AssertBad(Hex.Bytes("92 01 c1"), (ref MessagePackReader r) => r.Skip());
        AssertBad(Hex.Bytes("81 c1 01"), (ref MessagePackReader r) => MsgNodeCodec.Read(ref r));
    }

    [Fact]
    public void Reading_the_wrong_type_names_expected_and_found_types_and_the_offset()
    {
        MessagePackSerializationException error = Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader reader = new(Hex.Bytes("01 02 a3 616263"));
            reader.Skip();
            reader.Skip();
            reader.ReadInt32();
        });
        Assert.Equal("Expected Integer but found String (code 0xa3) at offset 2.", error.Message);
        Assert.Equal(2, error.Offset);

        (string Hex, ReadAction Read, string Expected)[] cases =
        [
            ("c0", (ref MessagePackReader r) => r.ReadBoolean(), "Expected Boolean but found Nil"),
            ("c3", (ref MessagePackReader r) => r.ReadNil(), "Expected Nil but found Boolean"),
            ("ca00000000", (ref MessagePackReader r) => r.ReadInt64(), "Expected Integer but found Float"),
            ("a0", (ref MessagePackReader r) => r.ReadDouble(), "Expected Float but found String"),
            ("c400", (ref MessagePackReader r) => r.ReadString(), "Expected String but found Binary"),
            ("a0", (ref MessagePackReader r) => r.ReadBytes(), "Expected Binary but found String"),
            ("80", (ref MessagePackReader r) => r.ReadArrayHeader(), "Expected Array but found Map"),
            ("90", (ref MessagePackReader r) => r.ReadMapHeader(), "Expected Map but found Array"),
            ("01", (ref MessagePackReader r) => r.ReadExtensionHeader(), "Expected Extension but found Integer"),
            ("c0", (ref MessagePackReader r) => r.ReadTimestamp(), "Expected Timestamp but found Nil"),
            ("c0", (ref MessagePackReader r) => r.ReadStringHeader(), "Expected String but found Nil"),
            ("c0", (ref MessagePackReader r) => r.TryReadStringSpan(out _), "Expected String but found Nil"),
            ("c0", (ref MessagePackReader r) => r.TryReadBytesSpan(out _), "Expected Binary but found Nil"),
            ("d40510", (ref MessagePackReader r) => r.ReadTimestamp(), "Expected the timestamp extension (type -1) but found extension type 5"),
            ("d5ff0000", (ref MessagePackReader r) => r.ReadTimestamp(), "has 2 data bytes; only 4, 8 or 12 are valid"),
        ];
        foreach ((string hex, ReadAction read, string expected) in cases)
        {
            MessagePackSerializationException e = AssertBad(Hex.Bytes(hex), read);
            Assert.Contains(expected, e.Message, StringComparison.Ordinal);
            Assert.Equal(0, e.Offset);
        }
    }

    [Theory]
    [InlineData("db ffffffff 0102030405")]
    [InlineData("c6 ffffffff 0102030405")]
    [InlineData("dd ffffffff 0102030405")]
    [InlineData("df ffffffff 0102030405")]
    [InlineData("c9 ffffffff 01 02030405")]
    [InlineData("da ffff 0102030405060708")]
    [InlineData("dc ffff 0102030405060708")]
    [InlineData("de 0006 0102030405060708")]
    public void A_length_prefix_larger_than_the_input_is_rejected_before_allocating(string hex)
    {
        byte[] bytes = Hex.Bytes(hex);
        Assert.True(bytes.Length <= 11);
        ReadAction[] reads =
        [
            (ref MessagePackReader r) => r.Skip(),
            (ref MessagePackReader r) => MsgNodeCodec.Read(ref r),
        ];
        foreach (ReadAction read in reads)
        {
            AssertBad(bytes, read); // warm-up: JIT and first-call allocations are not the reader's
            long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            Stopwatch watch = Stopwatch.StartNew();
            MessagePackSerializationException error = AssertBad(bytes, read);
            watch.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;

            Assert.Contains("claims a length of", error.Message, StringComparison.Ordinal);
            Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
            Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
        }
    }

    [Fact]
    public void Ten_thousand_nested_arrays_are_rejected_without_stack_overflow()
    {
        byte[] nested = Enumerable.Repeat((byte)0x91, 10_000).Append((byte)0xc0).ToArray();
        MessagePackSerializationException error = AssertBad(nested, (ref MessagePackReader r) => r.Skip());
        Assert.Contains("deeper than the limit of 64", error.Message, StringComparison.Ordinal);
        Assert.Equal(64, error.Offset);

        AssertBad(nested, (ref MessagePackReader r) => MsgNodeCodec.Read(ref r));
        AssertBad(Enumerable.Repeat((byte)0x81, 10_000).Append((byte)0xc0).ToArray(), (ref MessagePackReader r) => r.Skip());

        // 65 levels break the default limit even when the innermost array is empty.
        AssertBad(Enumerable.Repeat((byte)0x91, 64).Append((byte)0x90).ToArray(), (ref MessagePackReader r) => r.Skip());
    }

    [Fact]
    public void Skip_walks_iteratively_under_a_raised_limit()
    {
        byte[] nested = Enumerable.Repeat((byte)0x91, 100_000).Append((byte)0xc0).ToArray();
        MessagePackReader reader = new(nested, maxDepth: 100_000);
        reader.Skip();
        Assert.True(reader.End);
    }

    [Theory]
    [InlineData("a2 c328")]             // bad continuation byte
    [InlineData("a1 ff")]               // never valid in UTF-8
    [InlineData("a2 c0af")]             // overlong '/'
    [InlineData("a3 eda080")]           // UTF-16 surrogate encoded in UTF-8
    [InlineData("a3 e282")]             // truncated sequence (length says 3, 2 bytes follow): truncation
    [InlineData("a2 e282")]             // truncated sequence inside the string
    [InlineData("a4 f4908080")]         // above U+10FFFF
    public void Invalid_utf8_is_rejected(string hex)
    {
        byte[] bytes = Hex.Bytes(hex);
        AssertBad(bytes, (ref MessagePackReader r) => r.ReadString());
        AssertBad(bytes, (ref MessagePackReader r) => r.TryReadStringSpan(out _));
        AssertBad(Segments.SplitAt(bytes, 2), (ref MessagePackReader r) => r.ReadString());
    }

    [Fact]
    public void Invalid_utf8_in_a_long_split_string_is_rejected()
    {
        byte[] bytes = Pack.Write((ref MessagePackWriter w) => w.WriteString(new string('x', 1000)));
        bytes[500] = 0xff;
        MessagePackSerializationException error = AssertBad(Segments.SplitAt(bytes, 100), (ref MessagePackReader r) => r.ReadString());
        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("d7ff ee6b2800 00000000")]                 // 64-bit form: nanoseconds 1,000,000,000
    [InlineData("d7ff ffffffff ffffffff")]                 // 64-bit form: nanoseconds 2^30 - 1
    [InlineData("c70cff 3b9aca00 0000000000000000")]       // 96-bit form: nanoseconds 1,000,000,000
    [InlineData("c70cff ffffffff 0000000000000000")]       // 96-bit form: nanoseconds 2^32 - 1
    public void Timestamp_nanoseconds_over_999999999_are_rejected(string hex)
    {
        MessagePackSerializationException error = AssertBad(Hex.Bytes(hex), (ref MessagePackReader r) => r.ReadTimestamp());
        Assert.Contains("nanoseconds", error.Message, StringComparison.Ordinal);
        AssertBad(Hex.Bytes(hex), (ref MessagePackReader r) => r.ReadDateTime());
        AssertBad(Hex.Bytes(hex), (ref MessagePackReader r) => MsgNodeCodec.Read(ref r));
    }

    [Fact]
    public void Bytes_after_a_whole_value_are_reported()
    {
        Assert.Throws<MessagePackSerializationException>(() => MessagePackSerializer.Deserialize(Hex.Bytes("01 02"), Formatters.Int32Formatter.Instance));
    }

    private static MessagePackSerializationException AssertBad(byte[] bytes, ReadAction read) =>
        Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader reader = new(bytes);
            read(ref reader);
            ReadToEnd(ref reader);
        });

    private static MessagePackSerializationException AssertBad(System.Buffers.ReadOnlySequence<byte> bytes, ReadAction read) =>
        Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader reader = new(bytes);
            read(ref reader);
            ReadToEnd(ref reader);
        });

    // A read that succeeded on a prefix must not leave a silent tail: the rest is read as values too.
    private static void ReadToEnd(ref MessagePackReader reader)
    {
        while (!reader.End)
        {
            reader.Skip();
        }
    }
}
