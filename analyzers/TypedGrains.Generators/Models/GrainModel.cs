using TypedGrains.Generators.Helpers;

namespace TypedGrains.Generators.Models;

/// <summary>Everything the emitter needs to write the generated source of one valid grain.</summary>
/// <param name="HintName">The unique name of the generated file.</param>
/// <param name="Namespace">The namespace of the grain as written in a <c>namespace</c> declaration; empty for the global namespace.</param>
/// <param name="ContainingTypes">The types the grain is nested in, outermost first.</param>
/// <param name="Name">The grain class name, escaped as an identifier.</param>
/// <param name="FullyQualifiedName">The <c>global::</c>-qualified grain type.</param>
/// <param name="RefName">The name of the generated reference struct.</param>
/// <param name="RefFullyQualifiedName">The <c>global::</c>-qualified reference struct.</param>
/// <param name="ExtensionsClassName">The name of the generated factory extension class (at namespace level).</param>
/// <param name="FactoryMethodName">The name of the factory extension method, escaped as an identifier.</param>
/// <param name="IsPublic">Whether the grain and all its containing types are public.</param>
/// <param name="GrainTypeName">The stable grain type name used in grain ids.</param>
/// <param name="KeyKind">The key kind of the grain.</param>
/// <param name="Placement">The numeric value of the grain's placement.</param>
/// <param name="Provider">The state provider name, or <c>null</c> for the default provider.</param>
/// <param name="InitialState">The <c>InitialState</c> override to emit, or <c>null</c> to emit none.</param>
/// <param name="HidesBaseRequests">Whether the generated <c>Requests</c> hides that of a generated base grain.</param>
/// <param name="HidesBaseSelfCasts">Whether the generated <c>SelfCasts</c> hides that of a generated base grain.</param>
/// <param name="Handlers">The handlers, ordinally sorted by name.</param>
/// <param name="StateTypeName">The state type without nullable annotations, for the generated state codec; <c>null</c> for a grain without state.</param>
/// <param name="StateCodec">The codec of the state, or <c>null</c> when the grain has no state or its types cannot be serialized.</param>
/// <param name="Ticks">The valid <c>[Tick]</c> handlers, ordinally sorted by name.</param>
/// <param name="Formatters">The formatters the grain's state, requests and replies need (empty when its types cannot be serialized).</param>
/// <param name="ServiceParameters">The constructor parameters resolved from services; empty for a grain with a parameterless constructor.</param>
/// <param name="RunsSynchronously">Whether none of the grain's code awaits (<see cref="SynchronousGrainRule"/>).</param>
internal sealed record GrainModel(
    string HintName,
    string Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string Name,
    string FullyQualifiedName,
    string RefName,
    string RefFullyQualifiedName,
    string ExtensionsClassName,
    string FactoryMethodName,
    bool IsPublic,
    string GrainTypeName,
    GrainKeyKindModel KeyKind,
    int Placement,
    string? Provider,
    InitialStateModel? InitialState,
    bool HidesBaseRequests,
    bool HidesBaseSelfCasts,
    EquatableArray<HandlerModel> Handlers,
    string? StateTypeName,
    CodecModel? StateCodec,
    EquatableArray<FormatterModel> Formatters,
    EquatableArray<TickModel> Ticks,
    EquatableArray<ServiceParameterModel> ServiceParameters,
    bool RunsSynchronously);
