using System.Threading.Tasks;
using Orleans;

namespace TypedGrains.Orleans.Bench;

/// <summary>The native Orleans grain of the comparison: echoes an int.</summary>
public interface INativeEcho : IGrainWithIntegerKey
{
    Task<int> Echo(int value);
}

/// <summary>The native Orleans implementation, written the way Orleans' docs write a grain.</summary>
public sealed class NativeEcho : global::Orleans.Grain, INativeEcho
{
    public Task<int> Echo(int value) => Task.FromResult(value);
}

/// <summary>The same grain in TypedGrains, hosted by Orleans through TypedGrains.Orleans.</summary>
[TypedGrains.Grain(Key = TypedGrains.GrainKeyKind.Long)]
public sealed partial class TypedEcho : TypedGrains.Grain
{
    [TypedGrains.Call] public int Echo(int value) => value;
}
