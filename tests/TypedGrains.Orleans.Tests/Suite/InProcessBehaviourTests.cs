using TypedGrains.Runtime;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>The behaviour suite on the in-process runtime.</summary>
public sealed class InProcessBehaviourTests : GrainBehaviourSuite, System.IDisposable
{
    private readonly InProcessRuntime _runtime = new();

    protected override IGrainFactory Grains => _runtime;

    public void Dispose() => _runtime.Dispose();
}
