using System;
using System.Buffers;
using Xunit;
using TypedGrains.Serialization.Formatters;

namespace TypedGrains.Serialization.Tests;

/// <summary>Writing and reading primitives into a pooled buffer allocates nothing once warmed up.</summary>
public sealed class AllocationTests
{
    private const int Rounds = 200;
    private static readonly string Text = "h\u00e9llo, w\u00f6rld \U0001F37A";
    private static readonly Guid SomeGuid = Guid.Parse("00112233-4455-6677-8899-aabbccddeeff");

    [Fact]
    public void Writing_primitives_allocates_nothing()
    {
        using PooledBufferWriter output = new(64 * 1024);
        WriteAll(output);
        WriteAll(output);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++)
        {
            WriteAll(output);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Reading_primitives_from_a_span_allocates_nothing()
    {
        using PooledBufferWriter output = new(64 * 1024);
        WriteAll(output);
        byte[] payload = output.WrittenSpan.ToArray();
        ReadAll(payload);
        ReadAll(payload);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++)
        {
            ReadAll(payload);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Reading_primitives_from_a_segmented_sequence_allocates_nothing()
    {
        using PooledBufferWriter output = new(64 * 1024);
        WriteAll(output);
        byte[] payload = output.WrittenSpan.ToArray();
        ReadOnlySequence<byte> sequence = Segments.ByteByByteWithEmpties(payload);
        ReadAllNumbers(sequence);
        ReadAllNumbers(sequence);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Rounds; i++)
        {
            ReadAllNumbers(sequence);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void WriteAll(PooledBufferWriter output)
    {
        output.Reset();
        MessagePackWriter writer = new(output);
        writer.WriteArrayHeader(28);
        writer.WriteNil();
        writer.WriteBoolean(true);
        writer.WriteInt64(5);
        writer.WriteInt64(-20);
        writer.WriteInt64(200);
        writer.WriteInt64(-200);
        writer.WriteInt64(60000);
        writer.WriteInt64(-60000);
        writer.WriteInt64(long.MinValue);
        writer.WriteUInt64(ulong.MaxValue);
        writer.WriteInt32(int.MaxValue);
        writer.WriteSingle(1.5f);
        writer.WriteDouble(2.5);
        writer.WriteString(Text);
        writer.WriteString(Text.AsSpan(0, 3));
        writer.WriteStringUtf8("abc"u8);
        writer.WriteBinary([1, 2, 3]);
        writer.WriteMapHeader(1);
        writer.WriteArrayHeader(0);
        writer.WriteExtension(7, [9, 9]);
        writer.WriteTimestamp(new MessagePackTimestamp(1, 0));
        writer.WriteTimestamp(new MessagePackTimestamp(1, 1));
        writer.WriteTimestamp(new MessagePackTimestamp(-1, 1));
        writer.WriteTimestamp(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        GuidFormatter.Instance.Serialize(ref writer, SomeGuid);
        DecimalFormatter.Instance.Serialize(ref writer, -1234.5678m);
        TimeSpanFormatter.Instance.Serialize(ref writer, TimeSpan.FromHours(3));
        DateTimeFormatter.Instance.Serialize(ref writer, DateTime.UnixEpoch);
        DateTimeOffsetFormatter.Instance.Serialize(ref writer, new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)));
        Int32Formatter.Instance.Serialize(ref writer, 7);
        writer.Flush();
    }

    private static void ReadAll(ReadOnlySpan<byte> payload)
    {
        MessagePackReader reader = new(payload);
        MessagePackReader skipper = reader;
        skipper.Skip();
        Check(skipper.End);

        Check(reader.ReadArrayHeader() == 28);
        reader.ReadNil();
        Check(reader.ReadBoolean());
        Check(reader.ReadInt64() == 5);
        Check(reader.ReadInt32() == -20);
        Check(reader.ReadByte() == 200);
        Check(reader.ReadInt16() == -200);
        Check(reader.ReadUInt16() == 60000);
        Check(reader.ReadInt64() == -60000);
        Check(reader.ReadInt64() == long.MinValue);
        Check(reader.ReadUInt64() == ulong.MaxValue);
        Check(reader.ReadInt32() == int.MaxValue);
        Check(reader.ReadSingle() == 1.5f);
        Check(reader.ReadDouble() == 2.5);
        Check(reader.TryReadStringSpan(out ReadOnlySpan<byte> text) && text.Length == 19);
        reader.Skip();
        Check(reader.TryReadStringSpan(out ReadOnlySpan<byte> abc) && abc.SequenceEqual("abc"u8));
        Check(reader.TryReadBytesSpan(out ReadOnlySpan<byte> bin) && bin.Length == 3);
        ReadTail(ref reader);
    }

    private static void ReadAllNumbers(in ReadOnlySequence<byte> payload)
    {
        MessagePackReader reader = new(payload);
        MessagePackReader skipper = reader;
        skipper.Skip();
        Check(skipper.End);

        Check(reader.ReadArrayHeader() == 28);
        reader.ReadNil();
        Check(reader.ReadBoolean());
        for (int i = 0; i < 7; i++)
        {
            reader.ReadInt64();
        }

        Check(reader.ReadUInt64() == ulong.MaxValue);
        Check(reader.ReadInt32() == int.MaxValue);
        Check(reader.ReadSingle() == 1.5f);
        Check(reader.ReadDouble() == 2.5);
        for (int i = 0; i < 4; i++)
        {
            reader.Skip();
        }

        ReadTail(ref reader);
    }

    private static void ReadTail(ref MessagePackReader reader)
    {
        Check(reader.ReadMapHeader() == 1);
        Check(reader.ReadArrayHeader() == 0);
        Check(reader.ReadExtensionHeader() == new ExtensionHeader(7, 2));
        Span<byte> payload = stackalloc byte[2];
        reader.ReadRaw(payload);
        Check(payload[0] == 9 && payload[1] == 9);
        Check(reader.ReadTimestamp() == new MessagePackTimestamp(1, 0));
        Check(reader.ReadTimestamp() == new MessagePackTimestamp(1, 1));
        Check(reader.ReadTimestamp() == new MessagePackTimestamp(-1, 1));
        Check(reader.ReadDateTime().Year == 2020);
        Check(GuidFormatter.Instance.Deserialize(ref reader) == SomeGuid);
        Check(DecimalFormatter.Instance.Deserialize(ref reader) == -1234.5678m);
        Check(TimeSpanFormatter.Instance.Deserialize(ref reader) == TimeSpan.FromHours(3));
        Check(DateTimeFormatter.Instance.Deserialize(ref reader) == DateTime.UnixEpoch);
        Check(DateTimeOffsetFormatter.Instance.Deserialize(ref reader).Offset == TimeSpan.FromHours(2));
        Check(Int32Formatter.Instance.Deserialize(ref reader) == 7);
        Check(reader.End);
    }

    // Assert.Equal may allocate for its comparers; this does not.
    private static void Check(bool condition)
    {
        if (!condition)
        {
            throw new InvalidOperationException("A value read back differs from the one written.");
        }
    }
}
