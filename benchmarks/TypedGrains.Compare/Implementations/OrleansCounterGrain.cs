using System.Threading.Tasks;
using Orleans;
using Orleans.Concurrency;

namespace TypedGrains.Compare.Implementations;

/// <summary>The benchmark actor as a native Orleans grain interface.</summary>
[Alias("TypedGrains.Compare.IOrleansCounterGrain")]
public interface IOrleansCounterGrain : IGrainWithIntegerKey
{
    /// <summary>Adds and replies with the new count.</summary>
    [Alias("Add")]
    Task<long> Add(int amount);

    /// <summary>Replies with the count.</summary>
    [Alias("Get")]
    Task<long> Get();

    /// <summary>One-way increment.</summary>
    [OneWay]
    [Alias("Increment")]
    Task Increment();
}

/// <summary>The native Orleans grain: in memory, no persistence (as every other implementation here).</summary>
public sealed class OrleansCounterGrain : global::Orleans.Grain, IOrleansCounterGrain
{
    private long _count;

    /// <inheritdoc />
    public Task<long> Add(int amount)
    {
        _count += amount;
        return Task.FromResult(_count);
    }

    /// <inheritdoc />
    public Task<long> Get() => Task.FromResult(_count);

    /// <inheritdoc />
    public Task Increment()
    {
        _count++;
        return Task.CompletedTask;
    }
}
