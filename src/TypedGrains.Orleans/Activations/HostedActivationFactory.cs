using TypedGrains.Backend;

namespace TypedGrains.Orleans;

/// <summary>Creates the typed activation of a grain found by type name in the <see cref="GrainCatalog"/>.</summary>
internal readonly struct HostedActivationFactory : IGrainTypeVisitor<IHostedActivation>
{
    private readonly OrleansGrainRuntime _runtime;
    private readonly GrainId _id;
    private readonly IGrainHostServices _host;

    public HostedActivationFactory(OrleansGrainRuntime runtime, GrainId id, IGrainHostServices host)
    {
        _runtime = runtime;
        _id = id;
        _host = host;
    }

    public IHostedActivation Visit<TGrain>()
        where TGrain : Grain, IGrain<TGrain> =>
        new HostedActivation<TGrain>(_runtime, _id, _host);
}
