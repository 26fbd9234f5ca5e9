using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>Round trips of every supported shape through the formatters the generator emitted for Generated/.</summary>
public sealed class GeneratedFormatterTests
{
    private static readonly CounterRef Buddy = new(new RecordingRuntime(), new GrainId("TypedGrains.Serialization.Tests.Generated.Counter", GrainKey.From("c-1")));

    [Fact]
    public void Order_state_with_every_member_shape_round_trips()
    {
        OrderState original = SampleValues.Order(Buddy);
        OrderState read = Formatted.RoundTrip(original);

        Assert.Equal(original.Id, read.Id);
        Assert.Equal(original.Customer, read.Customer);
        Assert.Equal(original.Lines, read.Lines);
        Assert.Equal(original.Counters, read.Counters);
        Assert.Equal(original.Created, read.Created);
        Assert.Equal(original.Created.Kind, read.Created.Kind);
        Assert.Equal(original.Updated, read.Updated);
        Assert.Equal(original.Updated.Offset, read.Updated.Offset);
        Assert.Equal(original.Ttl, read.Ttl);
        Assert.Equal(original.Total, read.Total);
        Assert.Equal(original.Discount, read.Discount);
        Assert.Equal(original.Attachment, read.Attachment);
        Assert.Equal(original.Numbers, read.Numbers);
        Assert.Equal(original.Tags.ToArray(), read.Tags.ToArray());
        Assert.Equal(original.Scores, read.Scores);
        Assert.Equal(original.Catalog, read.Catalog);
        Assert.Equal((original.Priority, original.Wide, original.Tiny), (read.Priority, read.Wide, read.Tiny));
        Assert.Equal(Buddy, read.Buddy);
        Assert.Equal(Buddy, read.MaybeBuddy);
        Assert.Equal(original.Pending, read.Pending);
        Assert.Equal((original.Flag, original.Ratio, original.Small), (read.Flag, read.Ratio, read.Small));
        Assert.Equal((original.S8, original.U8, original.S16, original.U16, original.U32, original.U64), (read.S8, read.U8, read.S16, read.U16, read.U32, read.U64));
        Assert.Equal(original.Note, read.Note);
    }

    [Fact]
    public void Empty_and_null_members_round_trip()
    {
        OrderState empty = SampleValues.EmptyOrder();
        OrderState read = Formatted.RoundTrip(empty);

        Assert.Null(read.Attachment);
        Assert.Null(read.Discount);
        Assert.Null(read.MaybeBuddy);
        Assert.True(read.Buddy.Id.IsDefault);
        Assert.Empty(read.Lines);
        Assert.Null(read.Note);

        OrderState defaults = empty with { Tags = default, Lines = null!, Catalog = null! };
        OrderState back = Formatted.RoundTrip(defaults);
        Assert.True(back.Tags.IsDefault);
        Assert.Null(back.Lines);
        Assert.Null(back.Catalog);
        Assert.Null(Formatted.RoundTrip<OrderState>(null!));
    }

    [Fact]
    public void Classes_structs_required_members_and_recursion_round_trip()
    {
        WarehouseState original = SampleValues.Warehouse();
        WarehouseState read = Formatted.RoundTrip(original);

        Assert.Equal("ann", read.Account.Owner);
        Assert.Equal(-5, read.Account.Balance);
        Assert.Equal(new Point { X = 1, Y = -2 }, read.Account.Location);
        Assert.Equal("north", read.Account.Stock.Warehouse);
        Assert.Equal(["bolt", "nut"], read.Account.Stock.Items);
        Assert.Equal(3, read.Account.Stock.Version);
        Assert.Equal(["a", "b"], read.Root.Children.Select(c => c.Label));
        Assert.Equal("a1", read.Root.Children[0].Children.Single().Label);
        Assert.Equal([new Point { X = 3, Y = 4 }], read.Routes[SampleValues.OrderId]);
        Assert.Equal([new Point { X = 5, Y = 6 }, null], read.Marks);
        Assert.Equal([[1, 2], [], [3]], read.Matrix);
    }

    [Fact]
    public void Objects_are_arrays_of_their_members_in_declaration_order()
    {
        byte[] bytes = Formatted.Bytes(new Product("s", "n", 1m));
        MsgNode node = MsgNodeCodec.FromBytes(bytes);

        var array = Assert.IsType<MsgNode.Arr>(node);
        Assert.Equal(3, array.Items.Count);
        Assert.Equal(new MsgNode.Str("s"), array.Items[0]);
        Assert.Equal(new MsgNode.Str("n"), array.Items[1]);
        Assert.Equal("93a173a16e", Convert.ToHexString(bytes)[..10].ToLowerInvariant());
    }

    [Fact]
    public void Enums_are_their_underlying_integers_and_reject_out_of_range_values()
    {
        Assert.Equal("02", Hex.Of(Formatted.Bytes(Priority.High)));
        Assert.Equal("cfffffffffffffffff", Hex.Of(Formatted.Bytes(Wide.Top)));
        Assert.Equal(Tiny.Max, Formatted.Read<Tiny>(Formatted.Bytes(Tiny.Max)));
        Assert.Throws<MessagePackSerializationException>(() => Formatted.Read<Tiny>(Formatted.Bytes(256)));
    }

    [Fact]
    public void Grain_ids_are_type_kind_and_key()
    {
        var guidRef = new CounterRef(null!, new GrainId("g", GrainKey.From(SampleValues.OrderId)));
        var longRef = new CounterRef(null!, new GrainId("l", GrainKey.From(-7L)));


        Assert.Equal("93a16300a131", Hex.Of(Formatted.Bytes(new CounterRef(null!, new GrainId("c", GrainKey.From("1"))))));
        Assert.Equal(guidRef, Formatted.Read<CounterRef>(Formatted.Bytes(guidRef)));
        Assert.Equal(longRef, Formatted.Read<CounterRef>(Formatted.Bytes(longRef)));
    }

    [Fact]
    public void References_read_without_a_runtime_are_unbound_and_with_one_are_bound()
    {
        byte[] bytes = Formatted.Bytes(Buddy);

        CounterRef unbound = Formatted.Read<CounterRef>(bytes);
        Assert.Equal(Buddy, unbound);
        Assert.Throws<UnboundReferenceException>(() => unbound.Add(1));

        var runtime = new RecordingRuntime();
        CounterRef bound = Formatted.Read<CounterRef>(bytes, runtime);
        bound.Add(1);
        Assert.Equal([(Buddy.Id, "Add")], runtime.Sent);
    }

    [Fact]
    public void Serializing_states_into_a_reused_buffer_allocates_nothing()
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        OrderState order = SampleValues.Order(Buddy);
        WarehouseState warehouse = SampleValues.Warehouse();
        IMessagePackFormatter<OrderState> orderFormatter = MessagePackFormatters.Get<OrderState>();
        IMessagePackFormatter<WarehouseState> warehouseFormatter = MessagePackFormatters.Get<WarehouseState>();
        void WriteBoth()
        {
            buffer.ResetWrittenCount();
            var writer = new MessagePackWriter(buffer);
            orderFormatter.Serialize(ref writer, order);
            warehouseFormatter.Serialize(ref writer, warehouse);
            writer.Flush();
        }

        for (int i = 0; i < 10; i++)
        {
            WriteBoth();
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            WriteBoth();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Every_generated_formatter_is_registered()
    {
        Assert.True(MessagePackFormatters.TryGet<OrderState>(out _));
        Assert.True(MessagePackFormatters.TryGet<List<OrderLine>>(out _));
        Assert.True(MessagePackFormatters.TryGet<ImmutableDictionary<string, Product>>(out _));
        Assert.True(MessagePackFormatters.TryGet<Order.Requests.AddLine>(out _));
        Assert.True(MessagePackFormatters.TryGet<KeyedV2>(out _));
        Assert.False(MessagePackFormatters.TryGet<Uri>(out _));
        Assert.Throws<NotSupportedException>(() => MessagePackFormatters.Get<Uri>());
    }
}
