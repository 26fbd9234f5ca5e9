using System;
using TypedGrains.Orleans.Tests.Support;
using TypedGrains.Runtime;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>The behaviour suite on the in-process runtime.</summary>
public sealed class InProcessBehaviourTests : GrainBehaviourSuite, IDisposable
{
    private readonly InProcessRuntime _runtime;

    public InProcessBehaviourTests() =>
        _runtime = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = Storage, CallTimeout = CallTimeout });

    protected override IGrainFactory Grains => _runtime;

    protected override FaultyStateProvider Storage { get; } = new();

    protected override TimeSpan CallTimeout => TimeSpan.FromSeconds(3);

    public void Dispose() => _runtime.Dispose();
}
