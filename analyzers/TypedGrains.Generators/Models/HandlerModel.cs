using TypedGrains.Generators.Helpers;

namespace TypedGrains.Generators.Models;

/// <summary>One <c>[Call]</c> or <c>[Cast]</c> handler of a grain.</summary>
/// <param name="Name">The method name, escaped as an identifier (also the request struct name).</param>
/// <param name="MethodName">The method name as reported by <c>IGrainMessage.MethodName</c>.</param>
/// <param name="MethodId">The stable method id.</param>
/// <param name="Kind">How the reference sends the request.</param>
/// <param name="Return">How the handler returns.</param>
/// <param name="ReplyType">The reply type of <see cref="HandlerKind.Call"/> and <see cref="HandlerKind.CallDeferred"/> handlers.</param>
/// <param name="CallerIndex">The position of the <c>Caller&lt;T&gt;</c> parameter of a deferred handler, otherwise -1.</param>
/// <param name="IsPublic">Whether the handler is public (otherwise internal).</param>
/// <param name="Parameters">All parameters in declaration order, including the caller token.</param>
/// <param name="CancellationTokenName">
/// The name of the trailing <c>CancellationToken</c> parameter of the reference method of a call (one not taken by a
/// handler parameter), or <c>null</c> for a cast.
/// </param>
/// <param name="Documentation">What the handler's doc comment gives its reference method.</param>
internal sealed record HandlerModel(
    string Name,
    string MethodName,
    uint MethodId,
    HandlerKind Kind,
    HandlerReturnKind Return,
    string? ReplyType,
    int CallerIndex,
    bool IsPublic,
    EquatableArray<ParameterModel> Parameters,
    string? CancellationTokenName,
    DocumentationModel Documentation);
