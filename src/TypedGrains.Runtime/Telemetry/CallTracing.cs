using System;
using System.Diagnostics;

using TypedGrains.Runtime;

namespace TypedGrains.Backend;

/// <summary>
/// The spans of <see cref="GrainInstrumentation.Source"/>, the same for every backend: a <see cref="ActivityKind.Client"/>
/// span per call on the caller's side, a <see cref="ActivityKind.Server"/> (call) or <see cref="ActivityKind.Consumer"/>
/// (cast) span per turn on the grain's side, both named <c>{grain type}/{method}</c> with the OpenTelemetry RPC tags.
/// Each returns <c>null</c> when nobody listens.
/// </summary>
public static class CallTracing
{
    /// <summary>The <c>rpc.system</c> tag of every span.</summary>
    public const string RpcSystem = "typedgrains";

    /// <summary>Starts the caller's span of a call to <paramref name="method"/> on <paramref name="grain"/>, a child of <see cref="Activity.Current"/>.</summary>
    public static Activity? StartCall(GrainId grain, string method) =>
        Tag(GrainInstrumentation.Source.StartActivity(ActivityKind.Client, default(ActivityContext), name: SpanName(grain, method)), grain, method);

    /// <summary>Starts the grain's span of a turn, a child of the sender's span <paramref name="parent"/> (<c>default</c>: a root).</summary>
    public static Activity? StartTurn(GrainId grain, string method, ActivityContext parent, bool isCall) =>
        Tag(GrainInstrumentation.Source.StartActivity(isCall ? ActivityKind.Server : ActivityKind.Consumer, parent, name: SpanName(grain, method)), grain, method);

    /// <summary>Marks <paramref name="activity"/> (if any) as failed by <paramref name="error"/>.</summary>
    public static void Failed(Activity? activity, Exception error)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.AddException(error);
    }

    private static string SpanName(GrainId grain, string method) => grain.Type + "/" + method;

    private static Activity? Tag(Activity? activity, GrainId grain, string method)
    {
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("rpc.system", RpcSystem);
            activity.SetTag("rpc.service", grain.Type);
            activity.SetTag("rpc.method", method);
            activity.SetTag(GrainInstrumentation.GrainIdTag, grain.ToString());
        }

        return activity;
    }
}
