using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Orleans.Messaging;

namespace TypedGrains.Orleans.Storage.Membership;

/// <summary>
/// The gateways a client may connect to: the Active silos of its cluster with a proxy (gateway) port, read from the
/// membership table on each refresh. Orleans refreshes the list every <see cref="MaxStaleness"/>.
/// </summary>
internal sealed class MembershipGatewayListProvider(MembershipTable table, TimeSpan refreshPeriod) : IGatewayListProvider, IAsyncDisposable
{
    public TimeSpan MaxStaleness { get; } = refreshPeriod;

    [Obsolete("Orleans no longer reads it; every provider is considered updatable.")]
    public bool IsUpdatable => true;

    public Task InitializeGatewayListProvider() => InitializeGatewayListProviderAsync(default);

    public Task<IList<Uri>> GetGateways() => GetGatewaysAsync(default);

    public Task InitializeGatewayListProviderAsync(CancellationToken cancellationToken) =>
        table.InitializeMembershipTableAsync(tryInitTableVersion: false, cancellationToken);

    public Task<IList<Uri>> GetGatewaysAsync(CancellationToken cancellationToken) => table.ReadGatewaysAsync(cancellationToken);

    public ValueTask DisposeAsync() => table.DisposeAsync();
}
