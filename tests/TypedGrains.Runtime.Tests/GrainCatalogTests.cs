using System;
using System.Buffers;
using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Messaging;
using TypedGrains.Runtime.Tests.Grains;
using TypedGrains.Serialization;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// A host that only has (grain type name, method id, argument bytes) finds the grain's definition in the catalog the
/// generated module initializer filled, and gets the reply back as bytes.
/// </summary>
public sealed class GrainCatalogTests
{
    private const string CounterType = "TypedGrains.Runtime.Tests.Grains.CounterGrain";

    [Fact]
    public void The_generated_module_initializer_registers_every_grain_of_the_assembly()
    {
        GrainDefinition counter = GrainCatalog.Get(CounterType);

        Assert.Equal(typeof(CounterGrain), counter.GrainClass);
        Assert.Equal(GrainKeyKind.String, counter.KeyKind);
        Assert.True(counter.HasState);
        Assert.True(GrainCatalog.TryGet("TypedGrains.Runtime.Tests.Grains.BarrierGrain", out GrainDefinition? barrier));
        Assert.Equal(GrainKeyKind.Long, barrier.KeyKind);
        Assert.Contains(GrainCatalog.Definitions, d => d.GrainClass == typeof(WorkerGrain));
        Assert.Equal(
            [.. GrainCatalog.Definitions],
            [.. GrainCatalog.Definitions.OrderBy(d => d.TypeName, StringComparer.Ordinal)]);
    }

    [Fact]
    public void Registering_a_grain_again_changes_nothing()
    {
        int count = GrainCatalog.Definitions.Count;

        GrainCatalog.Register<CounterGrain>();

        Assert.Equal(count, GrainCatalog.Definitions.Count);
        Assert.Same(GrainCatalog.Get(CounterType), GrainCatalog.Get(CounterType));
    }

    [Fact]
    public async Task A_call_dispatched_by_type_name_returns_the_reply_as_bytes()
    {
        using var grains = new InProcessRuntime();
        GrainId id = grains.CounterGrain("catalog-call").Id;

        byte[] added = await DispatchAsync(grains, id, CounterGrain.Requests.Add.MethodId, new CounterGrain.Requests.Add(7));
        byte[] read = await DispatchAsync(grains, id, CounterGrain.Requests.GetLaterAsync.MethodId, new CounterGrain.Requests.GetLaterAsync());

        Assert.Equal(7, MessagePackSerializer.Deserialize(added, MessagePackFormatters.Get<int>()));
        Assert.Equal(7, MessagePackSerializer.Deserialize(read, MessagePackFormatters.Get<int>()));
        Assert.Equal(7, await grains.CounterGrain("catalog-call").Get());
    }

    [Fact]
    public async Task A_call_without_a_value_and_a_cast_reply_nil()
    {
        using var grains = new InProcessRuntime();
        GrainId id = grains.CounterGrain("catalog-void").Id;

        byte[] cast = await DispatchAsync(grains, id, CounterGrain.Requests.Increment.MethodId, new CounterGrain.Requests.Increment());
        byte[] call = await DispatchAsync(grains, id, CounterGrain.Requests.IncrementTwiceViaSelf.MethodId, new CounterGrain.Requests.IncrementTwiceViaSelf());

        Assert.Equal([MessagePackCode.Nil], cast);
        Assert.Equal([MessagePackCode.Nil], call);
        Assert.Equal(3, await grains.CounterGrain("catalog-void").Get());
    }

    [Fact]
    public async Task A_deferred_call_replies_with_the_value_sent_through_its_caller_token()
    {
        using var grains = new InProcessRuntime();
        GrainId id = grains.BarrierGrain(41).Id;

        byte[] reply = await DispatchAsync(grains, id, BarrierGrain.Requests.ReplyNowAndSave.MethodId, new BarrierGrain.Requests.ReplyNowAndSave());

        Assert.Equal(1, MessagePackSerializer.Deserialize(reply, MessagePackFormatters.Get<int>()));
    }

    [Fact]
    public async Task A_failing_handler_fails_the_dispatch_and_writes_no_reply()
    {
        using var grains = new InProcessRuntime();
        GrainId id = grains.CounterGrain("catalog-fail").Id;
        var reply = new ArrayBufferWriter<byte>();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await GrainCatalog.Get(CounterType).DispatchAsync(
            grains, id, CounterGrain.Requests.AddThenFail.MethodId, Arguments(new CounterGrain.Requests.AddThenFail(1)), reply, default));

        Assert.Equal("handler failed on purpose", error.Message);
        Assert.Equal(0, reply.WrittenCount);
    }

    [Fact]
    public void An_unknown_type_name_is_refused_with_the_registered_ones_listed()
    {
        Assert.False(GrainCatalog.TryGet("No.Such.Grain", out GrainDefinition? none));
        Assert.Null(none);

        var error = Assert.Throws<UnknownGrainTypeException>(() => GrainCatalog.Get("No.Such.Grain"));

        Assert.Equal("No.Such.Grain", error.GrainType);
        Assert.Contains(CounterType, error.KnownTypes);
        Assert.Contains("'No.Such.Grain'", error.Message, StringComparison.Ordinal);
        Assert.Contains(CounterType, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Two_grain_classes_with_one_type_name_are_refused_at_lookup_naming_both()
    {
        // Both registered from this assembly's module initializer, which did not throw (these tests run).
        var error = Assert.Throws<GrainTypeConflictException>(() => GrainCatalog.Get(ConflictingGrains.TypeName));
        Assert.Throws<GrainTypeConflictException>(() => GrainCatalog.TryGet(ConflictingGrains.TypeName, out _));

        Assert.Equal(ConflictingGrains.TypeName, error.GrainType);
        Assert.Equal(
            [typeof(FirstNamesake), typeof(SecondNamesake)],
            new[] { error.FirstClass, error.SecondClass }.OrderBy(t => t.Name, StringComparer.Ordinal));
        Assert.Contains(nameof(FirstNamesake), error.Message, StringComparison.Ordinal);
        Assert.Contains(nameof(SecondNamesake), error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(GrainCatalog.Definitions, d => d.TypeName == ConflictingGrains.TypeName);
    }

    [Fact]
    public void An_unknown_method_id_is_refused_with_the_grain_type_named()
    {
        using var grains = new InProcessRuntime();
        var reply = new ArrayBufferWriter<byte>();

        var error = Assert.Throws<UnknownGrainMethodException>(() => GrainCatalog.Get(CounterType).DispatchAsync(
            grains, grains.CounterGrain("x").Id, 0xDEADBEEFu, Arguments(new CounterGrain.Requests.Get()), reply, default));

        Assert.Equal(CounterType, error.GrainType);
        Assert.Equal(0xDEADBEEFu, error.MethodId);
    }

    [Fact]
    public void A_grain_of_another_type_is_refused()
    {
        using var grains = new InProcessRuntime();

        var error = Assert.Throws<ArgumentException>(() => GrainCatalog.Get(CounterType).DispatchAsync(
            grains, grains.BarrierGrain(1).Id, CounterGrain.Requests.Get.MethodId, Arguments(new CounterGrain.Requests.Get()), new ArrayBufferWriter<byte>(), default));

        Assert.Contains(CounterType, error.Message, StringComparison.Ordinal);
    }

    private static async Task<byte[]> DispatchAsync<TRequest>(InProcessRuntime runtime, GrainId grain, uint methodId, TRequest request)
        where TRequest : struct, IGrainMessage
    {
        var reply = new ArrayBufferWriter<byte>();
        await GrainCatalog.Get(grain.Type).DispatchAsync(runtime, grain, methodId, Arguments(request), reply, default);
        return reply.WrittenSpan.ToArray();
    }

    private static ReadOnlySequence<byte> Arguments<TRequest>(TRequest request)
        where TRequest : struct, IGrainMessage
    {
        var output = new ArrayBufferWriter<byte>();
        MessagePackRequests.Write(output, request);
        return new ReadOnlySequence<byte>(output.WrittenMemory);
    }
}
