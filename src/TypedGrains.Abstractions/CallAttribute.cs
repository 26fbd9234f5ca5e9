using System;

namespace TypedGrains;

/// <summary>
/// Marks a grain method as a request/reply handler. The typed reference method returns
/// <c>ValueTask&lt;TReply&gt;</c> (or <c>ValueTask</c> for a handler without a reply value).
/// A handler that takes a <see cref="Caller{TReply}"/> parameter replies later with
/// <see cref="Grain.Reply{TReply}(Caller{TReply}, TReply)"/> (a deferred reply).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class CallAttribute : Attribute
{
}
