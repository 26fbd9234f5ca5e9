using System;
using TypedGrains.Backend;

namespace TypedGrains.Orleans;

/// <summary>Creates the typed activation of a grain found by type name in the <see cref="GrainCatalog"/>.</summary>
internal readonly struct HostedActivationFactory : IGrainTypeVisitor<IHostedActivation>
{
    private readonly OrleansGrainRuntime _runtime;
    private readonly GrainId _id;
    private readonly Action _deactivateOrleansActivation;

    public HostedActivationFactory(OrleansGrainRuntime runtime, GrainId id, Action deactivateOrleansActivation)
    {
        _runtime = runtime;
        _id = id;
        _deactivateOrleansActivation = deactivateOrleansActivation;
    }

    public IHostedActivation Visit<TGrain>()
        where TGrain : Grain, IGrain<TGrain> =>
        new HostedActivation<TGrain>(_runtime, _id, _deactivateOrleansActivation);
}
