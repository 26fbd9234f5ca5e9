using System;
using System.Collections.Generic;
using System.Linq;
using System.Numerics;
using System.Text;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Loads msgpack-test-suite once per test class (through node); fails, never skips, when npm packages are missing.</summary>
public sealed class InteropFixture
{
    public InteropFixture() => Suite = NodeInterop.LoadSuite();

    internal SuiteDump Suite { get; }
}

/// <summary>
/// Checks against independent implementations: every encoding listed by msgpack-test-suite reads to its expected
/// value, and what our writer produces is listed there and decodes correctly with @msgpack/msgpack.
/// </summary>
public sealed class InteropTests(InteropFixture fixture) : IClassFixture<InteropFixture>
{
    private readonly SuiteDump _suite = fixture.Suite;

    private static readonly string[] GroupNames =
    [
        "10.nil.yaml", "11.bool.yaml", "12.binary.yaml", "20.number-positive.yaml", "21.number-negative.yaml",
        "22.number-float.yaml", "23.number-bignum.yaml", "30.string-ascii.yaml", "31.string-utf8.yaml",
        "32.string-emoji.yaml", "40.array.yaml", "41.map.yaml", "42.nested.yaml", "50.timestamp.yaml", "60.ext.yaml",
    ];

    public static TheoryData<string> Groups => new(GroupNames);

    [Fact]
    public void The_pinned_packages_and_every_suite_group_are_there()
    {
        Assert.Equal("3.1.3", _suite.MsgpackJavascriptVersion);
        Assert.Equal("1.0.0", _suite.TestSuiteVersion);
        Assert.Equal(GroupNames.Order(StringComparer.Ordinal), _suite.Groups.Order(StringComparer.Ordinal));
        Assert.Equal(85, _suite.Cases.Count);
        Assert.Equal(233, _suite.Cases.Sum(c => c.Encodings.Count));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Every_encoding_in_the_suite_reads_to_its_expected_value(string group)
    {
        List<string> failures = [];
        foreach (SuiteCase testCase in CasesOf(group))
        {
            foreach (byte[] encoding in testCase.Encodings)
            {
                try
                {
                    CheckGenericRead(testCase.Value, encoding);
                    CheckTypedRead(testCase.Value, encoding);
                }
                catch (Exception e)
                {
                    failures.Add($"{testCase.Name} {Hex.Of(encoding)}: {e.Message}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(Groups))]
    public void Our_encoding_of_every_suite_value_is_listed_there_and_decodes_with_msgpack_javascript(string group)
    {
        List<SuiteCase> cases = CasesOf(group);
        List<byte[]> written = cases.Select(c => MsgNodeCodec.ToBytes(c.Value)).ToList();
        List<string> failures = [];
        for (int i = 0; i < cases.Count; i++)
        {
            if (!cases[i].Encodings.Any(e => e.AsSpan().SequenceEqual(written[i])))
            {
                failures.Add($"{cases[i].Name}: wrote {Hex.Of(written[i])}, the suite lists {string.Join(" | ", cases[i].Encodings.Select(e => Hex.Of(e)))}");
            }
        }

        IReadOnlyList<(MsgNode? Value, string? Error)> decoded = NodeInterop.DecodeWithMsgpackJavascript(written);
        for (int i = 0; i < cases.Count; i++)
        {
            CompareDecoded(cases[i].Name, cases[i].Value, written[i], decoded[i], failures);
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Boundary_values_we_write_decode_with_msgpack_javascript()
    {
        List<MsgNode> values = BoundaryValues();
        List<byte[]> written = values.Select(MsgNodeCodec.ToBytes).ToList();
        IReadOnlyList<(MsgNode? Value, string? Error)> decoded = NodeInterop.DecodeWithMsgpackJavascript(written);
        List<string> failures = [];
        for (int i = 0; i < values.Count; i++)
        {
            CompareDecoded($"boundary #{i}", values[i], written[i], decoded[i], failures);
            if (!MsgNode.SameValue(values[i], MsgNodeCodec.FromBytes(written[i])))
            {
                failures.Add($"boundary #{i}: our reader disagrees with our writer");
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Missing_npm_packages_fail_with_the_command_to_run()
    {
        string empty = System.IO.Directory.CreateTempSubdirectory("interop-empty-").FullName;
        try
        {
            InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => NodeInterop.EnsureInstalled(empty));
            Assert.Contains("eng/test.sh", error.Message, StringComparison.Ordinal);
            Assert.Contains("npm ci --prefix eng/interop", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            System.IO.Directory.Delete(empty, recursive: true);
        }
    }

    private List<SuiteCase> CasesOf(string group)
    {
        List<SuiteCase> cases = _suite.Cases.Where(c => c.Group == group).ToList();
        Assert.NotEmpty(cases);
        return cases;
    }

    private static void CompareDecoded(string name, MsgNode expected, byte[] written, (MsgNode? Value, string? Error) decoded, List<string> failures)
    {
        if (decoded.Error is not null)
        {
            failures.Add($"{name}: @msgpack/msgpack rejected {Abbreviate(written)}: {decoded.Error}");
        }
        else if (!MsgNode.SameValue(expected, decoded.Value!))
        {
            failures.Add($"{name}: @msgpack/msgpack read {Abbreviate(written)} as {decoded.Value}, expected {expected}");
        }
    }

    private static string Abbreviate(byte[] bytes) => bytes.Length <= 32 ? Hex.Of(bytes) : Hex.Of(bytes.AsSpan(0, 32)) + $"...({bytes.Length} bytes)";

    // The generic walk over the span and over a sequence split in the middle, and Skip.
    private static void CheckGenericRead(MsgNode expected, byte[] encoding)
    {
        MsgNode read = MsgNodeCodec.FromBytes(encoding);
        if (!MsgNode.SameValue(expected, read))
        {
            throw new InvalidOperationException($"read {read}, expected {expected}");
        }

        MessagePackReader split = new(Segments.SplitAt(encoding, encoding.Length / 2));
        MsgNode splitRead = MsgNodeCodec.Read(ref split);
        if (!split.End || !MsgNode.SameValue(expected, splitRead))
        {
            throw new InvalidOperationException($"read {splitRead} from a split sequence, expected {expected}");
        }

        MessagePackReader skipper = new(encoding);
        skipper.Skip();
        if (!skipper.End)
        {
            throw new InvalidOperationException("Skip did not consume the whole value");
        }
    }

    // The typed read methods for the expected family.
    private static void CheckTypedRead(MsgNode expected, byte[] encoding)
    {
        MessagePackReader reader = new(encoding);
        switch (expected)
        {
            case MsgNode.Nil:
                reader.ReadNil();
                break;
            case MsgNode.Bool b:
                Equal(b.Value, reader.ReadBoolean());
                break;
            case MsgNode.Int i:
                CheckInteger(i.Value, encoding);
                reader.Skip();
                break;
            case MsgNode.Float f:
                Equal(f.Value, reader.ReadDouble());
                break;
            case MsgNode.Str s:
                MessagePackReader spanReader = reader;
                Equal(s.Value, reader.ReadString());
                Equal(true, spanReader.TryReadStringSpan(out ReadOnlySpan<byte> utf8));
                Equal(s.Value, Encoding.UTF8.GetString(utf8));
                break;
            case MsgNode.Bin bin:
                Equal(Hex.Of(bin.Value), Hex.Of(reader.ReadBytes()));
                break;
            case MsgNode.Ext ext:
                Equal(Hex.Of(ext.Data), Hex.Of(reader.ReadExtension(out sbyte type)));
                Equal(ext.Type, type);
                break;
            case MsgNode.Timestamp ts:
                MessagePackReader dateReader = reader;
                MessagePackTimestamp timestamp = reader.ReadTimestamp();
                Equal((ts.Seconds, ts.Nanoseconds), (timestamp.Seconds, timestamp.Nanoseconds));
                if (timestamp.IsInDateTimeRange)
                {
                    long ticks = DateTime.UnixEpoch.Ticks + (ts.Seconds * TimeSpan.TicksPerSecond) + (ts.Nanoseconds / 100);
                    Equal(ticks, dateReader.ReadDateTime().Ticks);
                }
                else
                {
                    Equal(true, ThrowsSpecific(dateReader));
                }

                break;
            default:
                reader.Skip();
                break;
        }

        Equal(true, reader.End);
    }

    private static void CheckInteger(BigInteger expected, byte[] encoding)
    {
        MessagePackReader reader = new(encoding);
        if (reader.NextMessagePackType == MessagePackType.Integer)
        {
            MessagePackReader unsignedReader = reader;
            if (expected >= long.MinValue && expected <= long.MaxValue)
            {
                Equal((long)expected, reader.ReadInt64());
            }

            if (expected >= 0)
            {
                Equal((ulong)expected, unsignedReader.ReadUInt64());
            }
        }

        // (double)BigInteger truncates; the reader rounds to nearest like (double)long and (double)ulong.
        double nearest = expected >= long.MinValue && expected <= long.MaxValue ? (long)expected : (ulong)expected;
        MessagePackReader doubleReader = new(encoding);
        Equal(nearest, doubleReader.ReadDouble());
    }

    private static bool ThrowsSpecific(MessagePackReader reader)
    {
        try
        {
            reader.ReadDateTime();
            return false;
        }
        catch (MessagePackSerializationException)
        {
            return true;
        }
    }

    private static void Equal<T>(T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new InvalidOperationException($"typed read gave {actual}, expected {expected}");
        }
    }

    private static List<MsgNode> BoundaryValues()
    {
        List<MsgNode> values = [];
        foreach (BigInteger integer in new BigInteger[]
        {
            0, 127, 128, 255, 256, 65535, 65536, int.MaxValue, uint.MaxValue, (BigInteger)uint.MaxValue + 1, long.MaxValue,
            (BigInteger)long.MaxValue + 1, ulong.MaxValue, -1, -32, -33, -128, -129, -32768, -32769, int.MinValue,
            (BigInteger)int.MinValue - 1, long.MinValue,
        })
        {
            values.Add(new MsgNode.Int(integer));
        }

        foreach (double number in new[] { 0.1, -1e300, double.MaxValue, double.Epsilon, 1.5 })
        {
            values.Add(new MsgNode.Float(number));
        }

        foreach (int length in new[] { 0, 31, 32, 255, 256, 65535, 65536 })
        {
            values.Add(new MsgNode.Str(string.Concat(Enumerable.Range(0, length).Select(i => (char)('a' + (i % 26))))));
            values.Add(new MsgNode.Bin(Enumerable.Range(0, length).Select(i => (byte)(i * 13)).ToArray()));
        }

        values.Add(new MsgNode.Str(string.Concat(Enumerable.Repeat("\u00e9\u3042\U0001F37A", 30))));
        foreach (int count in new[] { 15, 16, 65535, 65536 })
        {
            values.Add(new MsgNode.Arr(Enumerable.Range(0, count).Select(i => (MsgNode)new MsgNode.Int(i % 200)).ToList()));
        }

        foreach (int count in new[] { 15, 16, 70000 })
        {
            values.Add(new MsgNode.Map(Enumerable.Range(0, count)
                .Select(i => new KeyValuePair<MsgNode, MsgNode>(new MsgNode.Str("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)), new MsgNode.Bool(i % 2 == 0)))
                .ToList()));
        }

        foreach (int length in new[] { 0, 1, 2, 3, 4, 8, 16, 17, 255, 256, 65535, 65536 })
        {
            values.Add(new MsgNode.Ext((sbyte)(length % 128), Enumerable.Repeat((byte)0x5a, length).ToArray()));
        }

        values.Add(new MsgNode.Ext(-128, [1, 2, 3]));
        foreach ((long seconds, uint nanoseconds) in new (long, uint)[]
        {
            (0, 0), (uint.MaxValue, 0), ((long)uint.MaxValue + 1, 0), (0, 1), (17179869183, 999999999),
            (17179869184, 0), (-1, 0), (-1, 999999999), (-62135596800, 0), (253402300799, 999999999),
        })
        {
            values.Add(new MsgNode.Timestamp(seconds, nanoseconds));
        }

        values.Add(new MsgNode.Arr(
        [
            new MsgNode.Nil(), new MsgNode.Bool(false),
            new MsgNode.Map([new(new MsgNode.Str("nested"), new MsgNode.Arr([new MsgNode.Arr([]), new MsgNode.Map([])]))]),
        ]));
        return values;
    }
}
