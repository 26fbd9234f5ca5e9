using System;
using System.Buffers;
using System.Collections.Generic;
using TypedGrains.Messaging;
using TypedGrains.Persistence;
using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>The generated state codec of a grain, and requests through bytes into the generated dispatcher.</summary>
public sealed class StateCodecAndDispatchTests
{
    private static readonly GrainId BuddyId = new("TypedGrains.Serialization.Tests.Generated.Counter", GrainKey.From("c-9"));

    [Fact]
    public void A_grains_state_round_trips_through_its_generated_state_codec()
    {
        IStateCodec codec = Definition<Order>().StateCodec;
        Assert.IsType<MessagePackStateCodec<OrderState>>(codec);
        OrderState state = SampleValues.Order(new CounterRef(null!, BuddyId));

        var output = new ArrayBufferWriter<byte>();
        codec.Write(state, output);
        var read = (OrderState)codec.Read(new ReadOnlySequence<byte>(output.WrittenMemory))!;

        Assert.Equal(Hex.Of(output.WrittenSpan.ToArray()), Hex.Of(Formatted.Bytes(read)));
        Assert.Equal(state.Lines, read.Lines);
    }

    [Fact]
    public void A_codec_bound_to_a_runtime_binds_the_references_in_the_state_it_reads()
    {
        var runtime = new RecordingRuntime();
        IStateCodec codec = Definition<Order>().StateCodec.Bind(runtime);
        var output = new ArrayBufferWriter<byte>();
        codec.Write(SampleValues.Order(new CounterRef(null!, BuddyId)), output);

        var read = (OrderState)codec.Read(new ReadOnlySequence<byte>(output.WrittenMemory))!;
        read.Buddy.Add(2);

        Assert.Equal([(BuddyId, "Add")], runtime.Sent);
        Assert.Throws<MessagePackSerializationException>(() => codec.Read(new ReadOnlySequence<byte>(new byte[] { 0xc1 })));
    }

    [Fact]
    public void Every_grain_of_the_samples_has_a_generated_codec()
    {
        Assert.IsType<MessagePackStateCodec<CounterState>>(Definition<Counter>().StateCodec);
        Assert.IsType<MessagePackStateCodec<WarehouseState>>(Definition<Warehouse>().StateCodec);
        Assert.IsType<MessagePackStateCodec<ProfileV2>>(Definition<Profiles>().StateCodec);
    }

    [Fact]
    public void A_request_written_as_bytes_dispatches_as_the_same_request()
    {
        var runtime = new RecordingRuntime();
        var notify = new CounterRef(null!, BuddyId);
        var request = new Order.Requests.AddLine(new Product("p", "P", 2.5m), 3, Priority.High, ["a", "b"], notify);

        Order.Requests.AddLine rebuilt = ThroughBytes<Order, Order.Requests.AddLine>(request, Order.Requests.AddLine.MethodId, runtime);

        Assert.Equal(request.product, rebuilt.product);
        Assert.Equal(request.quantity, rebuilt.quantity);
        Assert.Equal(request.priority, rebuilt.priority);
        Assert.Equal(request.tags, rebuilt.tags);
        Assert.Equal(notify, rebuilt.notify);
        rebuilt.notify.Get();
        Assert.Equal([(BuddyId, "Get")], runtime.Sent);
    }

    [Fact]
    public void Requests_of_every_handler_kind_round_trip_through_dispatch()
    {
        var when = new DateTimeOffset(2025, 5, 6, 7, 8, 9, TimeSpan.FromHours(-3));
        Order.Requests.Rename rename = ThroughBytes<Order, Order.Requests.Rename>(new Order.Requests.Rename("zoë", when, SampleValues.OrderId), Order.Requests.Rename.MethodId, null);
        Assert.Equal(("zoë", when, SampleValues.OrderId), (rename.customer, rename.when, rename.by!.Value));

        Order.Requests.Wait wait = ThroughBytes<Order, Order.Requests.Wait>(new Order.Requests.Wait(TimeSpan.FromSeconds(3)), Order.Requests.Wait.MethodId, null);
        Assert.Equal(TimeSpan.FromSeconds(3), wait.timeout);

        ThroughBytes<Order, Order.Requests.Touch>(default, Order.Requests.Touch.MethodId, null);
        Counter.Requests.Add add = ThroughBytes<Counter, Counter.Requests.Add>(new Counter.Requests.Add(-4), Counter.Requests.Add.MethodId, null);
        Assert.Equal(-4, add.amount);
    }

    [Fact]
    public void A_payload_with_too_few_arguments_is_rejected_with_the_specific_exception()
    {
        var reader = new MessagePackArgumentReader(new byte[] { 0x91, 0x05 });
        RecordingVisitor<Order> visitor = default;

        Assert.Throws<MessagePackSerializationException>(() => Definition<Order>().Dispatch(Order.Requests.Rename.MethodId, reader, ref visitor));
    }

    private static TRequest ThroughBytes<TGrain, TRequest>(TRequest request, uint methodId, IGrainRuntime? runtime)
        where TGrain : Grain, IGrain<TGrain>
        where TRequest : struct, IGrainMessage
    {
        var output = new ArrayBufferWriter<byte>();
        MessagePackRequests.Write(output, request);
        var arguments = new MessagePackArgumentReader(output.WrittenMemory, runtime);
        RecordingVisitor<TGrain> visitor = default;

        Definition<TGrain>().Dispatch(methodId, arguments, ref visitor);

        return Assert.IsType<TRequest>(visitor.Request);
    }

    private static GrainDefinition<TGrain> Definition<TGrain>()
        where TGrain : Grain, IGrain<TGrain> => TGrain.Definition;
}
