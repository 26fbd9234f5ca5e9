using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;

namespace TypedGrains;

/// <summary>
/// The definition of one grain type: the metadata of <see cref="GrainDefinition"/>, how to create an instance, and how
/// to turn a method id plus arguments back into a typed request. The generator emits one per grain.
/// </summary>
/// <typeparam name="TGrain">The grain type.</typeparam>
public abstract class GrainDefinition<TGrain> : GrainDefinition
    where TGrain : Grain, IGrain<TGrain>
{
    /// <summary>Creates the definition.</summary>
    [SuppressMessage("ApiDesign", "RS0022", Justification = "By design: the generator derives each grain's definition from this class in the user's assembly; GrainDefinition itself stays closed to other bases.")]
    protected GrainDefinition(string typeName, GrainKeyKind keyKind, Placement placement, string? provider)
        : base(typeName, keyKind, placement, provider)
    {
    }

    /// <inheritdoc/>
    public sealed override Type GrainClass => typeof(TGrain);

    /// <inheritdoc/>
    public sealed override TResult Accept<TResult>(Backend.IGrainTypeVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit<TGrain>();
    }

    /// <summary>Creates a new, unactivated grain instance (a grain whose constructor takes services throws: see <see cref="Create(IServiceProvider)"/>).</summary>
    public abstract TGrain Create();

    /// <summary>
    /// Creates a new, unactivated grain instance whose constructor parameters come from <paramref name="services"/>
    /// (the generator emits the resolution, without reflection). Grains with a parameterless constructor ignore them.
    /// </summary>
    /// <exception cref="InvalidOperationException">A required constructor parameter has no service; the message names grain and parameter.</exception>
    public virtual TGrain Create(IServiceProvider services) => Create();

    /// <summary>The services the grain's constructor takes, in parameter order; empty for a parameterless constructor.</summary>
    public virtual IReadOnlyList<GrainDependency> Dependencies => Array.Empty<GrainDependency>();

    /// <summary>Resolves a required constructor parameter (generated code calls it).</summary>
    /// <exception cref="InvalidOperationException">No service of type <typeparamref name="T"/> is registered.</exception>
    protected T ResolveService<T>(IServiceProvider services, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service
            ? service
            : throw new InvalidOperationException(new GrainDependency(typeof(T), parameterName, IsOptional: false).MissingServiceMessage(TypeName));
    }

    /// <summary>Resolves an optional (nullable or defaulted) constructor parameter: <c>default</c> when no service is registered.</summary>
    protected static T? ResolveOptionalService<T>(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service ? service : default;
    }

    /// <summary>
    /// Resolves a constructor parameter with a default value: <paramref name="fallback"/>, the declared default, when no
    /// service is registered (generated code calls it).
    /// </summary>
    protected static T ResolveOptionalService<T>(IServiceProvider services, T fallback)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services.GetService(typeof(T)) is T service ? service : fallback;
    }

    /// <summary>The error of a grain created without services although its constructor takes some (generated code calls it).</summary>
    protected InvalidOperationException NeedsServices() => new(
        $"Grain '{TypeName}' takes services in its constructor, so it can only be created with an IServiceProvider: " +
        "run it on a runtime given one (InProcessRuntimeOptions.Services; AddTypedGrains sets it), or construct it directly in a test.");

    /// <summary>
    /// Reads the arguments of handler <paramref name="methodId"/> from <paramref name="arguments"/> and hands the
    /// typed request to <paramref name="visitor"/>. Transports that carry serialized messages enter here.
    /// </summary>
    /// <exception cref="UnknownGrainMethodException">No handler of this grain has <paramref name="methodId"/>.</exception>
    public abstract void Dispatch<TVisitor>(uint methodId, IArgumentReader arguments, ref TVisitor visitor)
        where TVisitor : IRequestVisitor<TGrain>;

    /// <summary>Creates the error for an unknown method id.</summary>
    protected UnknownGrainMethodException UnknownMethod(uint methodId) => new(TypeName, methodId);
}
