using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>
/// Seeded, bounded fuzzing: mutations of valid payloads (bit flips, inserted, deleted and overwritten bytes,
/// truncation) either read successfully or throw <see cref="MessagePackSerializationException"/> — nothing else.
/// </summary>
public sealed class FuzzTests
{
    private const int Seed = 20_240_611;
    private const int Mutations = 20_000;

    private static readonly byte[] InterestingBytes =
    [
        0x00, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc1, 0xc4, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcf,
        0xd3, 0xd4, 0xd8, 0xd9, 0xdb, 0xdc, 0xdd, 0xde, 0xdf, 0xe0, 0xff,
    ];

    [Fact]
    public void Only_the_specific_exception_ever_escapes_Skip_or_read_all()
    {
        Random random = new(Seed);
        byte[][] corpus = SamplePayloads.All().ToArray();
        int succeeded = 0;
        int rejected = 0;
        for (int i = 0; i < Mutations; i++)
        {
            byte[] input = Mutate(corpus[random.Next(corpus.Length)], random);
            int split = input.Length == 0 ? 0 : random.Next(input.Length + 1);
            bool ok = true;
            ok &= Survives(input, split, i, SkipAll);
            ok &= Survives(input, split, i, ReadAll);
            if (ok)
            {
                succeeded++;
            }
            else
            {
                rejected++;
            }
        }

        // The corpus is mutated hard enough that most inputs are rejected, but not all.
        Assert.True(rejected > Mutations / 2, $"only {rejected} rejected");
        Assert.True(succeeded > 0, "no mutation read successfully");
    }

    private delegate void ReadAllAction(ref MessagePackReader reader);

    private static void SkipAll(ref MessagePackReader reader)
    {
        while (!reader.End)
        {
            reader.Skip();
        }
    }

    private static void ReadAll(ref MessagePackReader reader)
    {
        while (!reader.End)
        {
            MsgNodeCodec.Read(ref reader);
        }
    }

    // Runs the read over the input as a span and as a two-segment sequence; false when it was rejected.
    private static bool Survives(byte[] input, int split, int iteration, ReadAllAction read)
    {
        bool rejected = false;
        try
        {
            MessagePackReader reader = new(input);
            read(ref reader);
        }
        catch (MessagePackSerializationException)
        {
            rejected = true;
        }
        catch (Exception e)
        {
            Assert.Fail($"mutation {iteration} (span) threw {e.GetType().Name}: {e.Message}\ninput: {Hex.Of(input)}\n{e}");
        }

        try
        {
            MessagePackReader reader = new(Segments.SplitAt(input, split));
            read(ref reader);
            Assert.False(rejected, $"mutation {iteration}: the sequence read accepted what the span read rejected");
        }
        catch (MessagePackSerializationException)
        {
            Assert.True(rejected, $"mutation {iteration}: the sequence read rejected what the span read accepted\ninput: {Hex.Of(input)}");
        }
        catch (Exception e) when (e is not Xunit.Sdk.XunitException)
        {
            Assert.Fail($"mutation {iteration} (sequence split at {split}) threw {e.GetType().Name}: {e.Message}\ninput: {Hex.Of(input)}\n{e}");
        }

        return !rejected;
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        List<byte> bytes = [.. original];
        int steps = 1 + random.Next(3);
        for (int s = 0; s < steps; s++)
        {
            int position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0:
                    bytes[position] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)random.Next(256));
                    break;
                case 2 when bytes.Count > 0:
                    bytes.RemoveAt(position);
                    break;
                case 3:
                    bytes = bytes.Take(random.Next(bytes.Count + 1)).ToList();
                    break;
                case 4 when bytes.Count > 0:
                    bytes[position] = InterestingBytes[random.Next(InterestingBytes.Length)];
                    break;
                default:
                    bytes.Insert(random.Next(bytes.Count + 1), InterestingBytes[random.Next(InterestingBytes.Length)]);
                    break;
            }
        }

        return [.. bytes];
    }
}
