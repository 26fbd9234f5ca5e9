using System;

namespace TypedGrains.Runtime;

/// <summary>The services grains are created with.</summary>
public sealed partial class InProcessRuntimeOptions
{
    /// <summary>
    /// The services a grain's constructor parameters are resolved from, by the generated factory (no reflection);
    /// <c>AddTypedGrains</c> sets the host's. <c>null</c>, the default: grains are created with their parameterless
    /// constructor, and a declared grain (<see cref="AddGrain{TGrain}"/>) whose constructor takes services fails the start.
    /// </summary>
    public IServiceProvider? Services { get; set; }

    /// <summary>
    /// Issue 12: a declared grain whose constructor needs a service that cannot be resolved fails at start, naming grain
    /// and parameter (optional parameters may stay unresolved).
    /// </summary>
    private void ValidateDependencies()
    {
        foreach (var grain in Grains)
        {
            foreach (var dependency in grain.Dependencies)
            {
                if (dependency.IsOptional)
                {
                    continue;
                }

                if (Services is null)
                {
                    throw new InvalidOperationException(
                        $"Grain '{grain.TypeName}' takes services in its constructor (parameter '{dependency.ParameterName}'), but the runtime " +
                        "was given no InProcessRuntimeOptions.Services (AddTypedGrains sets them).");
                }

                if (!CanResolve(dependency.ServiceType))
                {
                    throw new InvalidOperationException(dependency.MissingServiceMessage(grain.TypeName));
                }
            }
        }
    }

    /// <summary>Asks without creating the service when the provider can say (<c>IServiceProviderIsService</c>), else resolves it.</summary>
    private bool CanResolve(Type serviceType) =>
        IsService is { } query ? query(serviceType) : Services!.GetService(serviceType) is not null;

    /// <summary>
    /// Answers whether <see cref="Services"/> can resolve a type without creating it (a container's
    /// <c>IServiceProviderIsService</c>; <c>AddTypedGrains</c> sets it). <c>null</c>: the start check resolves each service.
    /// </summary>
    public Func<Type, bool>? IsService { get; set; }
}
