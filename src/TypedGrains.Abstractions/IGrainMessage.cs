namespace TypedGrains;

/// <summary>A generated request message of one grain handler.</summary>
public interface IGrainMessage
{
    /// <summary>The stable id of the handler (a hash of its name and parameter types).</summary>
    static abstract uint MethodId { get; }

    /// <summary>The handler's name, for errors and tracing.</summary>
    static abstract string MethodName { get; }
}
