using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Grains;

/// <summary>Reports what a turn sees of its caller's thread and flow, for the inline-call tests.</summary>
[Grain]
public sealed partial class ContextGrain : Grain
{
    /// <summary>An async-local a test sets before calling; a turn must never see it.</summary>
    public static readonly AsyncLocal<string?> CallerValue = new();

    [Call] public int ManagedThread() => System.Environment.CurrentManagedThreadId;

    [Call] public bool OnThreadPool() => Thread.CurrentThread.IsThreadPoolThread;

    [Call] public string SeenCallerValue() => CallerValue.Value ?? "(none)";

    [Call]
    public async Task<bool> YieldThenSeeSynchronizationContext()
    {
        var before = SynchronizationContext.Current is null;
        await Task.Yield();
        return before && SynchronizationContext.Current is null;
    }

    /// <summary>Sets the async-local inside the turn; the caller must not see the change.</summary>
    [Call]
    public int SetValueInside()
    {
        CallerValue.Value = "set by the grain";
        return 1;
    }
}
