using System;
using Microsoft.Extensions.Logging;

namespace TypedGrains.Runtime;

/// <summary>
/// The runtime's log events, source-generated. The ids are stable (docs/observability.md lists them); add new events
/// with new ids, never reuse one.
/// </summary>
internal static partial class RuntimeLog
{
    [LoggerMessage(EventId = 1000, EventName = "GrainActivated", Level = LogLevel.Debug, Message = "Grain {GrainId} activated")]
    public static partial void Activated(ILogger logger, GrainId grainId);

    [LoggerMessage(EventId = 1001, EventName = "GrainActivationFailed", Level = LogLevel.Warning,
        Message = "Grain {GrainId} failed to activate; the next message tries again")]
    public static partial void ActivationFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(EventId = 1002, EventName = "GrainDeactivated", Level = LogLevel.Debug, Message = "Grain {GrainId} deactivated")]
    public static partial void Deactivated(ILogger logger, GrainId grainId);

    [LoggerMessage(EventId = 1003, EventName = "GrainIdleCollected", Level = LogLevel.Debug,
        Message = "Grain {GrainId} is idle and is being collected")]
    public static partial void IdleCollected(ILogger logger, GrainId grainId);

    [LoggerMessage(EventId = 1004, EventName = "TurnFailed", Level = LogLevel.Information,
        Message = "A turn of grain {GrainId} ({Method}) failed and was rolled back")]
    public static partial void TurnFailed(ILogger logger, GrainId grainId, string method, Exception error);

    [LoggerMessage(EventId = 1005, EventName = "SaveFailed", Level = LogLevel.Error,
        Message = "Saving the state of grain {GrainId} failed; the activation is dropped and the next message reloads")]
    public static partial void SaveFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(EventId = 1006, EventName = "CastFailed", Level = LogLevel.Warning, Message = "A cast to grain {GrainId} failed")]
    public static partial void CastFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(EventId = 1007, EventName = "ReplyDropped", Level = LogLevel.Warning,
        Message = "A deferred reply of grain {GrainId} reached no waiting caller ({Caller}) and was dropped")]
    public static partial void ReplyDropped(ILogger logger, GrainId grainId, CallerId caller);

    [LoggerMessage(EventId = 1008, EventName = "CallTimedOut", Level = LogLevel.Warning,
        Message = "The call to {Method} on grain {GrainId} timed out after {Timeout}; its outcome is unknown")]
    public static partial void CallTimedOut(ILogger logger, GrainId grainId, string method, TimeSpan timeout);

    [LoggerMessage(EventId = 1009, EventName = "DeactivationFailed", Level = LogLevel.Warning,
        Message = "The deactivation of grain {GrainId} failed; the activation ended regardless")]
    public static partial void DeactivationFailed(ILogger logger, GrainId grainId, Exception error);

    [LoggerMessage(EventId = 1010, EventName = "RuntimeStopping", Level = LogLevel.Information,
        Message = "Stopping the grain runtime: draining {Activations} activations")]
    public static partial void Stopping(ILogger logger, int activations);

    [LoggerMessage(EventId = 1011, EventName = "RuntimeStopped", Level = LogLevel.Information, Message = "The grain runtime stopped")]
    public static partial void Stopped(ILogger logger);
}
