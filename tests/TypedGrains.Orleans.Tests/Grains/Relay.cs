using System;

namespace TypedGrains.Orleans.Tests.Grains;

/// <summary>
/// A grain whose code never awaits (<see cref="GrainDefinition.RunsSynchronously"/>): a backend may make its turn
/// current on the thread alone, and its casts must still wait for the commit.
/// </summary>
[Grain]
public sealed partial class Relay : Grain
{
    [Call] public void CastTo(string ledger) => Grains.Ledger(ledger).Add(1);

    [Call]
    public void CastToThenFail(string ledger)
    {
        Grains.Ledger(ledger).Add(1);
        throw new InvalidOperationException("failed after casting");
    }
}
