using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;

namespace TypedGrains.Runtime.Benchmarks;

/// <summary>
/// Time and managed bytes allocated per local call and per cast on an active grain (steady state: the grain is
/// activated in setup). Each benchmark runs a batch inside one async method and reports per message: the cast batch
/// ends with one call, so every cast has run when it returns.
/// </summary>
[MemoryDiagnoser]
public class LocalMessageBenchmarks
{
    private const int CastBatch = 1_000;
    private const int CallBatch = 1_000;
    private InProcessRuntime _grains = null!;
    private PingGrainRef _ping;

    [GlobalSetup]
    public void Setup()
    {
        _grains = new InProcessRuntime();
        _ping = _grains.PingGrain(1);
        _ping.Get().AsTask().GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup() => _grains.Dispose();

    /// <summary>Sequential calls from one async caller; the batch keeps BenchmarkDotNet's blocking wait off the figure.</summary>
    [Benchmark(Description = "call (await reply)", OperationsPerInvoke = CallBatch)]
    public async Task<long> Call()
    {
        long last = 0;
        for (var i = 0; i < CallBatch; i++)
        {
            last = await _ping.Add(1);
        }

        return last;
    }

    [Benchmark(Description = "cast", OperationsPerInvoke = CastBatch)]
    public async Task<long> Cast()
    {
        for (var i = 0; i < CastBatch; i++)
        {
            _ping.Increment();
        }

        return await _ping.Get();
    }

    [Benchmark(Description = "typed reference creation")]
    public PingGrainRef Reference() => _grains.PingGrain(42);
}
