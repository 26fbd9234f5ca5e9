using System;
using System.Buffers;
using TypedGrains.Persistence;
using TypedGrains.Serialization.Formatters;
using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>The nesting limit holds when writing: what is written can always be read back by a reader with the same limit.</summary>
public sealed class WriteDepthTests
{
    // A node and its children list are one level each: a chain of n wrapping nodes around a leaf nests 2 * (n + 1).
    private const int DeepestChainThatFits = (MessagePackReader.DefaultMaxDepth / 2) - 1;

    [Fact]
    public void A_state_nested_exactly_to_the_limit_writes_and_reads_back()
    {
        TreeNode chain = Chain(DeepestChainThatFits);

        TreeNode read = Formatted.RoundTrip(chain);

        Assert.Equal(DeepestChainThatFits, Length(read));
    }

    [Fact]
    public void A_state_nested_deeper_than_the_limit_fails_when_written_naming_the_limit()
    {
        TreeNode chain = Chain(DeepestChainThatFits + 1);

        var error = Assert.Throws<MessagePackSerializationException>(() => Formatted.Bytes(chain));

        Assert.Contains("limit of 64", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_state_codec_refuses_to_write_a_state_it_could_not_read_back()
    {
        IStateCodec codec = Definition<Warehouse>().StateCodec;
        WarehouseState state = SampleValues.EmptyWarehouse() with { Root = Chain(100) };
        var output = new ArrayBufferWriter<byte>();

        Assert.Throws<MessagePackSerializationException>(() => codec.Write(state, output));
    }

    [Fact]
    public void Library_collections_count_their_nesting_when_written()
    {
        var inner = new ArrayFormatter<int>(Int32Formatter.Instance);
        var jagged = new ArrayFormatter<int[]?>(inner);

        Assert.Throws<MessagePackSerializationException>(() =>
        {
            var writer = new MessagePackWriter(new ArrayBufferWriter<byte>(), maxDepth: 1);
            jagged.Serialize(ref writer, [[1]]);
        });
        var fits = new MessagePackWriter(new ArrayBufferWriter<byte>(), maxDepth: 1);
        inner.Serialize(ref fits, [1]);
        Assert.Equal(0, fits.Depth);
    }

    private static TreeNode Chain(int wrapping)
    {
        var node = new TreeNode("leaf", []);
        for (int i = 0; i < wrapping; i++)
        {
            node = new TreeNode("n", [node]);
        }

        return node;
    }

    private static GrainDefinition<TGrain> Definition<TGrain>()
        where TGrain : Grain, IGrain<TGrain> => TGrain.Definition;

    private static int Length(TreeNode node)
    {
        int length = 0;
        while (node.Children.Count > 0)
        {
            node = node.Children[0];
            length++;
        }

        return length;
    }
}
