using System;
using System.Collections.Generic;
using System.Linq;
using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Payloads of generated formatters against @msgpack/msgpack (node), in both directions.</summary>
public sealed class GeneratedInteropTests
{
    private static readonly CounterRef Buddy = new(null!, new GrainId("TypedGrains.Serialization.Tests.Generated.Counter", GrainKey.From(42L)));

    [Fact]
    public void Generated_payloads_decode_in_msgpack_javascript_to_the_expected_structure()
    {
        List<byte[]> payloads = Samples().Select(s => s.Bytes).ToList();
        IReadOnlyList<(MsgNode? Value, string? Error)> decoded = NodeInterop.DecodeWithMsgpackJavascript(payloads);

        for (int i = 0; i < payloads.Count; i++)
        {
            Assert.Null(decoded[i].Error);
            Assert.True(MsgNode.SameValue(MsgNodeCodec.FromBytes(payloads[i]), decoded[i].Value!), $"sample {i} decodes differently in node");
        }

        // Product("s", "n", 1.5m): an array of three strings (decimals are written as invariant text).
        var product = Assert.IsType<MsgNode.Arr>(NodeInterop.DecodeWithMsgpackJavascript([Formatted.Bytes(new Product("s", "n", 1.5m))])[0].Value);
        Assert.Equal(new MsgNode.Str("s"), product.Items[0]);
        Assert.Equal(new MsgNode.Str("n"), product.Items[1]);
        Assert.Equal(new MsgNode.Str("1.5"), product.Items[2]);

        // A grain reference: [type, kind, key].
        var reference = Assert.IsType<MsgNode.Arr>(NodeInterop.DecodeWithMsgpackJavascript([Formatted.Bytes(Buddy)])[0].Value);
        Assert.Equal(new MsgNode.Str(Buddy.Id.Type), reference.Items[0]);
        Assert.Equal(new MsgNode.Int((int)GrainKeyKind.Long), reference.Items[1]);
        Assert.Equal(new MsgNode.Int(42), reference.Items[2]);
    }

    [Fact]
    public void Payloads_msgpack_javascript_encodes_decode_through_generated_formatters()
    {
        List<(byte[] Bytes, Func<byte[], byte[]> ReadAndWriteAgain)> samples = Samples();
        IReadOnlyList<byte[]> encoded = NodeInterop.EncodeWithMsgpackJavascript(samples.Select(s => MsgNodeCodec.FromBytes(s.Bytes)).ToList());

        for (int i = 0; i < samples.Count; i++)
        {
            byte[] again;
            try
            {
                again = samples[i].ReadAndWriteAgain(encoded[i]);
            }
            catch (MessagePackSerializationException e)
            {
                throw new Xunit.Sdk.XunitException($"sample {i}: {e.Message}\nours: {Hex.Of(samples[i].Bytes)}\nnode: {Hex.Of(encoded[i])}");
            }

            Assert.Equal(Hex.Of(samples[i].Bytes), Hex.Of(again));
        }
    }

    [Fact]
    public void Maps_with_non_string_keys_decode_in_msgpack_javascript_only_with_a_key_converter()
    {
        // @msgpack/msgpack rejects map keys other than strings and numbers (the warehouse routes are keyed by Guid
        // bins), so that sample stays on our side: it is valid MessagePack, which our own reader checks.
        byte[] warehouse = Formatted.Bytes(SampleValues.Warehouse());
        (MsgNode? value, string? error) = NodeInterop.DecodeWithMsgpackJavascript([warehouse])[0];

        Assert.Null(value);
        Assert.Contains("key", error, StringComparison.OrdinalIgnoreCase);
        Assert.IsType<MsgNode.Arr>(MsgNodeCodec.FromBytes(warehouse));
    }

    // Sample states and a request; none holds a map with non-string keys, which @msgpack/msgpack cannot handle.
    private static List<(byte[] Bytes, Func<byte[], byte[]> ReadAndWriteAgain)> Samples() =>
    [
        Sample(SampleValues.Order(Buddy)),
        Sample(SampleValues.EmptyOrder()),
        Sample(new ProfileV2("ann", 42, "a@example.org", ["x"])),
        Sample(new KeyedV2("a", "c", 9)),
        Sample(new Order.Requests.AddLine(new Product("p", "P", 2.5m), 3, Priority.High, ["a"], Buddy)),
    ];

    private static (byte[], Func<byte[], byte[]>) Sample<T>(T value) =>
        (Formatted.Bytes(value), bytes => Formatted.Bytes(Formatted.Read<T>(bytes)));
}
