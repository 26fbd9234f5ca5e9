using System.Threading.Tasks;
using TypedGrains.Runtime;

namespace TypedGrains.Compare.Implementations;

/// <summary>The same actor on the TypedGrains in-process runtime, through the generated typed reference.</summary>
internal sealed class TypedGrainsActors : IActorImplementation
{
    private InProcessRuntime _grains = new();

    public string Name => "typedgrains";

    public ValueTask<long> AddAsync(long key, int amount) => _grains.BenchCounter(key).Add(amount);

    public void Increment(long key) => _grains.BenchCounter(key).Increment();

    public ValueTask<long> GetAsync(long key) => _grains.BenchCounter(key).Get();

    public ValueTask ResetAsync()
    {
        _grains.Dispose();
        _grains = new InProcessRuntime();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _grains.Dispose();
        return ValueTask.CompletedTask;
    }
}
