using System;
using System.Diagnostics;

namespace TypedGrains.Runtime;

/// <summary>
/// The spans of <see cref="GrainInstrumentation.Source"/>: a <see cref="ActivityKind.Client"/> span per call on the
/// caller's side, a <see cref="ActivityKind.Server"/> (call) or <see cref="ActivityKind.Consumer"/> (cast) span per
/// turn on the grain's side, both named <c>{grain type}/{method}</c> with the OpenTelemetry RPC tags.
/// </summary>
internal static class CallTracing
{
    public const string RpcSystem = "typedgrains";

    public static Activity? StartCall(GrainId grain, string method) =>
        Tag(GrainInstrumentation.Source.StartActivity(ActivityKind.Client, default(ActivityContext), name: SpanName(grain, method)), grain, method);

    public static Activity? StartTurn(GrainId grain, string method, ActivityContext parent, bool isCall) =>
        Tag(GrainInstrumentation.Source.StartActivity(isCall ? ActivityKind.Server : ActivityKind.Consumer, parent, name: SpanName(grain, method)), grain, method);

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
