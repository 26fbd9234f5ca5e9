using System;
using System.Buffers;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Reading a <see cref="ReadOnlySequence{T}"/> gives the same values wherever the segments are cut.</summary>
public sealed class SequenceTests
{
    [Fact]
    public void Kitchen_sink_split_at_every_byte_position_reads_the_same()
    {
        byte[] payload = SamplePayloads.KitchenSink();
        MsgNode expected = MsgNodeCodec.FromBytes(payload);
        for (int at = 0; at <= payload.Length; at++)
        {
            ReadOnlySequence<byte> sequence = Segments.SplitAt(payload, at);
            MessagePackReader reader = new(sequence);
            Assert.Equal(expected, MsgNodeCodec.Read(ref reader));
            Assert.True(reader.End);
            Assert.Equal(payload.Length, reader.Consumed);

            MessagePackReader skipper = new(sequence);
            skipper.Skip();
            Assert.Equal(payload.Length, skipper.Consumed);
        }
    }

    [Fact]
    public void Every_small_payload_split_at_every_position_reads_the_same()
    {
        foreach (byte[] payload in SamplePayloads.Small())
        {
            MsgNode expected = MsgNodeCodec.FromBytes(payload);
            for (int at = 0; at <= payload.Length; at++)
            {
                MessagePackReader reader = new(Segments.SplitAt(payload, at));
                Assert.Equal(expected, MsgNodeCodec.Read(ref reader));
                Assert.True(reader.End);
            }
        }
    }

    [Fact]
    public void One_byte_segments_with_empty_segments_between_them_read_the_same()
    {
        byte[] payload = SamplePayloads.KitchenSink();
        ReadOnlySequence<byte> sequence = Segments.ByteByByteWithEmpties(payload);
        MessagePackReader reader = new(sequence);
        Assert.Equal(MsgNodeCodec.FromBytes(payload), MsgNodeCodec.Read(ref reader));
        Assert.True(reader.End);
        Assert.Equal(sequence.End, reader.Position);
    }

    [Fact]
    public void Typed_reads_across_a_boundary_inside_every_fixed_width_value()
    {
        byte[] payload = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteInt64(long.MinValue);
            w.WriteUInt64(ulong.MaxValue);
            w.WriteDouble(Math.E);
            w.WriteSingle(-3.5f);
            w.WriteInt32(-70000);
            w.WriteTimestamp(new MessagePackTimestamp(-5, 7));
            w.WriteExtensionHeader(9, 3);
            w.WriteRaw([7, 8, 9]);
        });
        for (int at = 0; at <= payload.Length; at++)
        {
            MessagePackReader reader = new(Segments.SplitAt(payload, at));
            Assert.Equal(long.MinValue, reader.ReadInt64());
            Assert.Equal(ulong.MaxValue, reader.ReadUInt64());
            Assert.Equal(Math.E, reader.ReadDouble());
            Assert.Equal(-3.5f, reader.ReadSingle());
            Assert.Equal(-70000, reader.ReadInt32());
            Assert.Equal(new MessagePackTimestamp(-5, 7), reader.ReadTimestamp());
            Assert.Equal(new ExtensionHeader(9, 3), reader.ReadExtensionHeader());
            Assert.Equal("070809", Hex.Of(reader.ReadRaw(3)));
            Assert.True(reader.End);
        }
    }

    [Fact]
    public void Span_reads_of_a_split_string_fall_back_without_moving()
    {
        byte[] payload = Pack.Write((ref MessagePackWriter w) =>
        {
            w.WriteString("hello world");
            w.WriteBinary([1, 2, 3, 4]);
        });
        for (int at = 0; at <= payload.Length; at++)
        {
            MessagePackReader reader = new(Segments.SplitAt(payload, at));
            if (reader.TryReadStringSpan(out ReadOnlySpan<byte> utf8))
            {
                Assert.Equal("hello world", System.Text.Encoding.UTF8.GetString(utf8));
            }
            else
            {
                Assert.True(at is > 1 and < 12, $"split at {at} should leave the string contiguous");
                Assert.Equal(0, reader.Consumed);
                Assert.Equal("hello world", reader.ReadString());
            }

            if (reader.TryReadBytesSpan(out ReadOnlySpan<byte> bytes))
            {
                Assert.Equal("01020304", Hex.Of(bytes));
            }
            else
            {
                Assert.Equal(12, reader.Consumed);
                Assert.Equal([1, 2, 3, 4], reader.ReadBytes());
            }

            Assert.True(reader.End);
        }
    }

    [Fact]
    public void A_sliced_sequence_starts_and_ends_at_its_slice()
    {
        byte[] payload = Hex.Bytes("ff ff 92 01 a3616263 ff");
        ReadOnlySequence<byte> sliced = Segments.SplitAt(payload, 4).Slice(2, 6);
        MessagePackReader reader = new(sliced);
        Assert.Equal(6, reader.Remaining);
        Assert.Equal(2, reader.ReadArrayHeader());
        Assert.Equal(1, reader.ReadInt32());
        Assert.Equal("abc", reader.ReadString());
        Assert.True(reader.End);
        Assert.Throws<MessagePackSerializationException>(() =>
        {
            MessagePackReader r = new(sliced);
            r.Skip();
            r.Skip();
        });
    }
}
