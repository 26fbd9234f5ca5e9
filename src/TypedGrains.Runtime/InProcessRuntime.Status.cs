namespace TypedGrains.Runtime;

/// <summary>Where a runtime is in its life, for health checks.</summary>
public enum InProcessRuntimeStatus
{
    /// <summary>Accepting and running messages.</summary>
    Running,

    /// <summary>A stop is draining mailboxes or deactivating grains; new messages from outside are refused.</summary>
    Stopping,

    /// <summary>Stopped or disposed; every message is refused.</summary>
    Stopped,
}

/// <summary>The runtime's status.</summary>
public sealed partial class InProcessRuntime
{
    /// <summary>Whether the runtime runs, is stopping, or has stopped.</summary>
    public InProcessRuntimeStatus Status => _state switch
    {
        Running => InProcessRuntimeStatus.Running,
        Stopped => InProcessRuntimeStatus.Stopped,
        _ => InProcessRuntimeStatus.Stopping,
    };

    /// <summary>The default provider and the named providers this runtime was given (for health checks).</summary>
    public System.Collections.Generic.IEnumerable<System.Collections.Generic.KeyValuePair<string, Persistence.IGrainStateProvider>> Providers
    {
        get
        {
            yield return new("default", _options.DefaultProvider);
            foreach (var provider in _options.Providers)
            {
                yield return provider;
            }
        }
    }
}
