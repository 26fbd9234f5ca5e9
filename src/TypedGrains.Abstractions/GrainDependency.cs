using System;

namespace TypedGrains;

/// <summary>A service a grain's constructor takes; the generated definition lists them so a host can check them at start.</summary>
/// <param name="ServiceType">The parameter's type, resolved from the services.</param>
/// <param name="ParameterName">The constructor parameter.</param>
/// <param name="IsOptional">Whether the parameter is nullable or has a default value (a missing service gives <c>default</c>).</param>
public sealed record GrainDependency(Type ServiceType, string ParameterName, bool IsOptional)
{
    /// <summary>The message of this parameter when no service can be resolved for it, naming grain, parameter and type.</summary>
    public string MissingServiceMessage(string grainTypeName) =>
        $"Grain '{grainTypeName}' cannot be created: its constructor parameter '{ParameterName}' needs a service of type " +
        $"{ServiceType.FullName}, and none is registered.";
}
