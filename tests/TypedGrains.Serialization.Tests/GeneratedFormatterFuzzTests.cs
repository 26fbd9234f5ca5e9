using System;
using System.Collections.Generic;
using System.Linq;
using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Bad bytes for generated formatters: truncation, wrong types and seeded random mutations only ever throw <see cref="MessagePackSerializationException"/>.</summary>
public sealed class GeneratedFormatterFuzzTests
{
    private const int Seed = 20_251_122;
    private const int Mutations = 20_000;

    [Fact]
    public void Every_truncation_of_a_state_is_rejected_with_the_specific_exception()
    {
        byte[] bytes = Formatted.Bytes(SampleValues.Order(default));
        for (int length = 0; length < bytes.Length; length++)
        {
            byte[] prefix = bytes[..length];
            Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<OrderState>(prefix));
        }
    }

    [Fact]
    public void Wrong_types_are_rejected_with_the_specific_exception()
    {
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<OrderState>(Formatted.Bytes("text")));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<Product>(Formatted.Bytes(new ProfileV1("a", 1))));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<WarehouseState>(Convert.FromHexString("95c0c0c0c0c1")));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<CounterRef>(Convert.FromHexString("93a0a1310a")));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<System.Collections.Generic.Dictionary<string, int>>(Convert.FromHexString("82a16101a16102")));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<System.Collections.Generic.Dictionary<string, int>>(Convert.FromHexString("81c001")));
    }

    [Fact]
    public void A_length_prefix_claiming_gigabytes_is_rejected_without_allocating_it()
    {
        // A list of order lines that claims 2^32-1 elements.
        byte[] hostile = Convert.FromHexString("dc0000ffff" + "dd" + "ffffffff");
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<List<OrderLine>>(hostile[5..]));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<long[]>(hostile[5..]));
    }

    [Fact]
    public void Deeply_nested_recursive_data_hits_the_depth_limit()
    {
        // A TreeNode chain 200 levels deep, as another writer without the limit would write it: [label, [child], nil].
        byte[] bytes = Pack.Write((ref MessagePackWriter w) =>
        {
            for (int i = 0; i < 200; i++)
            {
                w.WriteArrayHeader(3);
                w.WriteString("n");
                w.WriteArrayHeader(1);
            }

            w.WriteArrayHeader(3);
            w.WriteString("leaf");
            w.WriteArrayHeader(0);
            w.WriteNil();
            for (int i = 0; i < 200; i++)
            {
                w.WriteNil();
            }
        });

        var error = Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<TreeNode>(bytes));
        Assert.Contains("limit of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mutated_generated_payloads_read_or_throw_only_the_specific_exception()
    {
        var readers = new (byte[] Payload, Action<byte[]> Read)[]
        {
            (Formatted.Bytes(SampleValues.Order(default)), b => Formatted.Read<OrderState>(b)),
            (Formatted.Bytes(SampleValues.Warehouse()), b => Formatted.Read<WarehouseState>(b)),
            (Formatted.Bytes(new KeyedV2("a", "c", 1)), b => Formatted.Read<KeyedV1>(b)),
            (Formatted.Bytes(new ProfileV2("a", 1, "e", ["t"])), b => Formatted.Read<ProfileV2>(b)),
        };
        var random = new Random(Seed);
        int rejected = 0;
        int accepted = 0;
        for (int i = 0; i < Mutations; i++)
        {
            (byte[] payload, Action<byte[]> read) = readers[random.Next(readers.Length)];
            byte[] input = Mutate(payload, random);
            try
            {
                read(input);
                accepted++;
            }
            catch (MessagePackSerializationException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                Assert.Fail($"mutation {i} threw {e.GetType().Name}: {e.Message}\ninput: {Hex.Of(input)}\n{e}");
            }
        }

        Assert.True(rejected > 0 && accepted > 0, $"rejected {rejected}, accepted {accepted}");
    }

    private static byte[] Mutate(byte[] original, Random random)
    {
        List<byte> bytes = [.. original];
        int steps = 1 + random.Next(3);
        for (int s = 0; s < steps; s++)
        {
            int position = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(5))
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
                default:
                    if (bytes.Count > 0)
                    {
                        bytes[position] = (byte)random.Next(256);
                    }

                    break;
            }
        }

        return [.. bytes];
    }
}
