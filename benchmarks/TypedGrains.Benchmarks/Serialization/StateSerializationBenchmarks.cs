using System;
using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using TypedGrains.Serialization;

namespace TypedGrains.Benchmarks.Serialization;

/// <summary>
/// Serializes and deserializes a typical grain state with the generated MessagePack formatter and with a
/// System.Text.Json source-generated context, both into a reused <see cref="ArrayBufferWriter{T}"/>.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class StateSerializationBenchmarks
{
    private readonly ArrayBufferWriter<byte> _buffer = new(4096);
    private IMessagePackFormatter<ProfileState> _formatter = null!;
    private Utf8JsonWriter _jsonWriter = null!;
    private ProfileState _state = null!;
    private byte[] _messagePack = null!;
    private byte[] _json = null!;

    /// <summary>Creates the state and both encodings, and prints their sizes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _state = ProfileSamples.Typical();
        _formatter = MessagePackFormatters.Get<ProfileState>();
        _jsonWriter = new Utf8JsonWriter(_buffer);
        _messagePack = MessagePackSerializer.Serialize(_state, _formatter);
        _json = JsonSerializer.SerializeToUtf8Bytes(_state, ProfileJsonContext.Default.ProfileState);
        Console.WriteLine($"// Sizes: MessagePack {_messagePack.Length} bytes, JSON {_json.Length} bytes");
    }

    /// <summary>Generated MessagePack formatter, into the reused buffer.</summary>
    [Benchmark, BenchmarkCategory("Serialize")]
    public int Serialize_MessagePack()
    {
        _buffer.ResetWrittenCount();
        var writer = new MessagePackWriter(_buffer);
        _formatter.Serialize(ref writer, _state);
        writer.Flush();
        return _buffer.WrittenCount;
    }

    /// <summary>System.Text.Json source-generated, into the reused buffer.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Serialize")]
    public int Serialize_SystemTextJson()
    {
        _buffer.ResetWrittenCount();
        _jsonWriter.Reset(_buffer);
        JsonSerializer.Serialize(_jsonWriter, _state, ProfileJsonContext.Default.ProfileState);
        return _buffer.WrittenCount;
    }

    /// <summary>Generated MessagePack formatter.</summary>
    [Benchmark, BenchmarkCategory("Deserialize")]
    public ProfileState Deserialize_MessagePack()
    {
        var reader = new MessagePackReader(_messagePack);
        return _formatter.Deserialize(ref reader);
    }

    /// <summary>System.Text.Json source-generated.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory("Deserialize")]
    public ProfileState Deserialize_SystemTextJson() =>
        JsonSerializer.Deserialize(_json, ProfileJsonContext.Default.ProfileState)!;
}
