using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using TypedGrains.Serialization.Formatters;
using TypedGrains.Serialization.Tests.Generated;
using Xunit;

namespace TypedGrains.Serialization.Tests;

/// <summary>
/// A header whose count fits the input (one byte an element) but whose elements never come: reading fails, having
/// allocated no more than a small multiple of the input, whatever the elements' size in memory.
/// </summary>
public sealed class HostileClaimAllocationTests
{
    private const int InputLength = 1 << 20;
    private const long Bound = 2L * InputLength;

    public static TheoryData<string> Collections => new()
    {
        "List<CounterRef>",
        "CounterRef[]",
        "ImmutableArray<CounterRef>",
        "long[]",
        "Dictionary<string, CounterRef>",
    };

    [Theory]
    [MemberData(nameof(Collections))]
    public void A_claim_that_fits_the_input_allocates_a_bounded_multiple_of_it_and_fails(string collection)
    {
        Action<byte[]> read = Reader(collection);
        byte[] hostile = Claim(collection.StartsWith("Dictionary", StringComparison.Ordinal));
        Assert.Throws<MessagePackSerializationException>(() => read(hostile));

        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<MessagePackSerializationException>(() => read(hostile));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(allocated < Bound, $"{collection}: {allocated:N0} bytes allocated for a {InputLength:N0}-byte input");
    }

    [Fact]
    public void Collections_larger_in_memory_than_the_input_left_still_read_whole()
    {
        // 300 default references, one nil byte each: each takes far more memory than its byte.
        var references = new CounterRef[300];
        byte[] bytes = MessagePackSerializer.Serialize(references, new ArrayFormatter<CounterRef>(Element()));

        Assert.Equal(references, Read(new ArrayFormatter<CounterRef>(Element()), bytes));
        Assert.Equal(references, Read(new ListFormatter<CounterRef>(Element()), bytes));
        Assert.Equal(references, Read(new ImmutableArrayFormatter<CounterRef>(Element()), bytes));
    }

    // An array 32 (or map 32) header claiming as many elements (or pairs) as the bytes left can hold, then the
    // reserved code 0xc1 where the first element should be.
    private static byte[] Claim(bool map)
    {
        byte[] bytes = new byte[InputLength];
        uint count = (uint)((InputLength - 5) / (map ? 2 : 1));
        bytes[0] = map ? (byte)0xdf : (byte)0xdd;
        bytes[1] = (byte)(count >> 24);
        bytes[2] = (byte)(count >> 16);
        bytes[3] = (byte)(count >> 8);
        bytes[4] = (byte)count;
        bytes.AsSpan(5).Fill(0xc1);
        return bytes;
    }

    private static Action<byte[]> Reader(string collection) => collection switch
    {
        "List<CounterRef>" => b => Read(new ListFormatter<CounterRef>(Element()), b),
        "CounterRef[]" => b => Read(new ArrayFormatter<CounterRef>(Element()), b),
        "ImmutableArray<CounterRef>" => b => Read(new ImmutableArrayFormatter<CounterRef>(Element()), b),
        "long[]" => b => Read(new ArrayFormatter<long>(Int64Formatter.Instance), b),
        "Dictionary<string, CounterRef>" => b => Read(new DictionaryFormatter<string, CounterRef>(MessagePackFormatters.Get<string>(), Element()), b),
        _ => throw new ArgumentOutOfRangeException(nameof(collection)),
    };

    private static IMessagePackFormatter<CounterRef> Element() => MessagePackFormatters.Get<CounterRef>();

    private static T Read<T>(IMessagePackFormatter<T> formatter, byte[] bytes) => MessagePackSerializer.Deserialize(bytes, formatter);
}
