using Microsoft.CodeAnalysis;

// The shape of a valid handler, and one handler problem, as the handler rules describe them.
namespace TypedGrains.Generators;

/// <summary>How a typed reference sends a handler's request and what it returns.</summary>
internal enum HandlerKind
{
    /// <summary>A call with a reply value: <c>ValueTask&lt;T&gt;</c> through <c>CallAsync</c>.</summary>
    Call,

    /// <summary>A call without a reply value: <c>ValueTask</c> through <c>CallAsync</c>.</summary>
    CallVoid,

    /// <summary>A call answered later through a <c>Caller&lt;T&gt;</c>: <c>ValueTask&lt;T&gt;</c> through <c>CallDeferredAsync</c>.</summary>
    CallDeferred,

    /// <summary>A one-way message: <c>void</c> through <c>Cast</c>.</summary>
    Cast,
}

/// <summary>How a handler method returns.</summary>
internal enum HandlerReturnKind
{
    /// <summary>Returns nothing.</summary>
    Void,

    /// <summary>Returns a value synchronously.</summary>
    Value,

    /// <summary>Returns <c>Task</c> or <c>Task&lt;T&gt;</c>.</summary>
    Task,

    /// <summary>Returns <c>ValueTask</c> or <c>ValueTask&lt;T&gt;</c>.</summary>
    ValueTask,
}

/// <summary>The shape of a valid handler.</summary>
internal readonly struct HandlerSignature
{
    /// <summary>Creates the shape.</summary>
    public HandlerSignature(HandlerKind kind, HandlerReturnKind returnKind, ITypeSymbol? replyType, int callerIndex)
    {
        Kind = kind;
        Return = returnKind;
        ReplyType = replyType;
        CallerIndex = callerIndex;
    }

    /// <summary>How the reference sends the request.</summary>
    public HandlerKind Kind { get; }

    /// <summary>How the handler returns.</summary>
    public HandlerReturnKind Return { get; }

    /// <summary>The reply type of a call with a reply value or of a deferred call.</summary>
    public ITypeSymbol? ReplyType { get; }

    /// <summary>The index of the <c>Caller&lt;T&gt;</c> parameter, or -1.</summary>
    public int CallerIndex { get; }
}

/// <summary>A handler that keeps its grain from being generated, and why.</summary>
internal readonly struct HandlerProblem
{
    /// <summary>Creates the problem.</summary>
    public HandlerProblem(IMethodSymbol method, GrainRuleViolation violation, HandlerRuleViolation handlerViolation, IParameterSymbol? parameter, IMethodSymbol? earlier)
    {
        Method = method;
        Violation = violation;
        HandlerViolation = handlerViolation;
        Parameter = parameter;
        Earlier = earlier;
    }

    /// <summary>The handler method.</summary>
    public IMethodSymbol Method { get; }

    /// <summary><see cref="GrainRuleViolation.InvalidHandler"/>, <see cref="GrainRuleViolation.DuplicateHandlerName"/> or <see cref="GrainRuleViolation.MethodIdCollision"/>.</summary>
    public GrainRuleViolation Violation { get; }

    /// <summary>The handler rule broken when <see cref="Violation"/> is <see cref="GrainRuleViolation.InvalidHandler"/>.</summary>
    public HandlerRuleViolation HandlerViolation { get; }

    /// <summary>The offending parameter of a parameter rule (or the <c>Caller&lt;T&gt;</c> of a caller rule), if any.</summary>
    public IParameterSymbol? Parameter { get; }

    /// <summary>The earlier handler whose name or method id this one repeats.</summary>
    public IMethodSymbol? Earlier { get; }
}
