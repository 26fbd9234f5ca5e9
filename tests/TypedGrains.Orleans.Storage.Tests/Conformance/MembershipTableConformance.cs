using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Orleans;
using Orleans.Messaging;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Storage.Tests.Conformance;

/// <summary>
/// The contract of Orleans' membership table and gateway list, run against each store by a ten-line subclass. Each
/// test works in its own cluster id, so a store shared between tests does not matter.
/// </summary>
public abstract class MembershipTableConformance : IAsyncLifetime
{
    private readonly List<object> _created = new();

    protected static readonly TimeSpan RefreshPeriod = TimeSpan.FromSeconds(7);

    protected string ClusterId { get; } = "cluster-" + Guid.NewGuid().ToString("N");

    /// <summary>A table of <paramref name="clusterId"/> on this test's store; each call gives another instance.</summary>
    protected abstract IMembershipTable CreateTable(string clusterId);

    /// <summary>A gateway list of <paramref name="clusterId"/> on this test's store, refreshed every <see cref="RefreshPeriod"/>.</summary>
    protected abstract IGatewayListProvider CreateGateways(string clusterId);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var created in _created)
        {
            if (created is IAsyncDisposable disposable)
            {
                await disposable.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task An_empty_table_is_at_version_zero_with_an_etag()
    {
        var table = await Table();

        var data = await table.ReadAllAsync();

        Assert.Empty(data.Members);
        Assert.Equal(0, data.Version.Version);
        Assert.False(string.IsNullOrEmpty(data.Version.VersionEtag));
    }

    [Fact]
    public async Task Insert_succeeds_only_with_the_next_version_and_the_current_version_etag()
    {
        var table = await Table();
        var start = (await table.ReadAllAsync()).Version;
        var first = Silos.NewEntry();

        Assert.False(await table.InsertRowAsync(first, start), "the current version, not the next");
        Assert.False(await table.InsertRowAsync(first, new TableVersion(start.Version + 2, start.VersionEtag)), "a skipped version");
        Assert.False(await table.InsertRowAsync(first, new TableVersion(start.Version + 1, "not-the-etag")), "a wrong version etag");
        Assert.True(await table.InsertRowAsync(first, start.Next()));

        var after = (await table.ReadAllAsync()).Version;
        Assert.Equal(1, after.Version);
        Assert.NotEqual(start.VersionEtag, after.VersionEtag);
        Assert.False(await table.InsertRowAsync(Silos.NewEntry(), start.Next()), "a new silo with the version read before the insert");
        Assert.False(await table.InsertRowAsync(first, after.Next()), "the same silo twice");

        var data = await table.ReadAllAsync();
        Assert.Single(data.Members);
        Assert.Equal(after, data.Version);
    }

    [Fact]
    public async Task Update_succeeds_only_with_the_row_etag_and_the_next_version_and_replaces_the_whole_entry()
    {
        var table = await Table();
        var entry = Silos.NewEntry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var read = await table.ReadRowAsync(entry.SiloAddress);
        var etag = read.Members.Single().Item2;

        entry.Status = SiloStatus.Active;
        entry.SuspectTimes = new List<Tuple<SiloAddress, DateTime>>
        {
            Tuple.Create(Silos.NewAddress(), Silos.WholeSeconds(DateTime.UtcNow).AddSeconds(1)),
            Tuple.Create(Silos.NewAddress(), Silos.WholeSeconds(DateTime.UtcNow).AddSeconds(2)),
        };
        entry.RoleName = null;
        Assert.False(await table.UpdateRowAsync(entry, etag, read.Version), "the current version, not the next");
        Assert.False(await table.UpdateRowAsync(entry, "not-the-etag", read.Version.Next()), "a wrong row etag");
        Assert.False(await table.UpdateRowAsync(Silos.NewEntry(), etag, read.Version.Next()), "a silo that is not in the table");
        Assert.True(await table.UpdateRowAsync(entry, etag, read.Version.Next()));

        var updated = await table.ReadRowAsync(entry.SiloAddress);
        var (stored, newEtag) = updated.Members.Single();
        Assert.Equal(entry.ToFullString(), stored.ToFullString());
        Assert.Null(stored.RoleName);
        Assert.Equal(entry.SuspectTimes, stored.SuspectTimes);
        Assert.NotEqual(etag, newEtag);
        Assert.Equal(2, updated.Version.Version);
        Assert.False(await table.UpdateRowAsync(entry, etag, updated.Version.Next()), "the row etag before the update");
        Assert.Equal(updated.Version, (await table.ReadAllAsync()).Version);
    }

    [Fact]
    public async Task Concurrent_inserts_of_the_same_silo_from_parallel_tasks_exactly_one_wins()
    {
        var table = await Table();
        var version = (await table.ReadAllAsync()).Version.Next();
        var entry = Silos.NewEntry();

        var results = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => table.InsertRowAsync(entry, version))));

        Assert.Single(results, inserted => inserted);
        var data = await table.ReadAllAsync();
        Assert.Single(data.Members);
        Assert.Equal(1, data.Version.Version);
    }

    [Fact]
    public async Task Concurrent_inserts_of_different_silos_at_one_version_exactly_one_wins()
    {
        var tables = new[] { await Table(), await Table(), await Table(), await Table() };
        var version = (await tables[0].ReadAllAsync()).Version.Next();

        var results = await Task.WhenAll(
            Enumerable.Range(0, 12).Select(i => Task.Run(() => tables[i % tables.Length].InsertRowAsync(Silos.NewEntry(), version))));

        Assert.Single(results, inserted => inserted);
        Assert.Single((await tables[0].ReadAllAsync()).Members);
    }

    [Fact]
    public async Task Concurrent_read_and_update_loops_each_win_once_and_the_version_counts_every_write()
    {
        var table = await Table();
        var entry = Silos.NewEntry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        const int Writers = 8;

        var attempts = await Task.WhenAll(Enumerable.Range(0, Writers).Select(_ => Task.Run(async () =>
        {
            for (var attempt = 1; attempt <= 200; attempt++)
            {
                var data = await table.ReadRowAsync(entry.SiloAddress);
                var (row, etag) = data.Members.Single();
                row.UpdateZone++;
                if (await table.UpdateRowAsync(row, etag, data.Version.Next()))
                {
                    return attempt;
                }
            }

            return -1;
        })));

        Assert.DoesNotContain(-1, attempts);
        var final = await table.ReadRowAsync(entry.SiloAddress);
        Assert.Equal(1 + Writers, final.Version.Version);
        Assert.Equal(entry.UpdateZone + Writers, final.Members.Single().Item1.UpdateZone);
    }

    [Fact]
    public async Task IAmAlive_updates_only_the_time_leaving_the_version_and_the_row_etag()
    {
        var table = await Table();
        var entry = Silos.NewEntry();
        Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        var before = await table.ReadRowAsync(entry.SiloAddress);
        var alive = DateTime.UtcNow.AddSeconds(5);

        // The shape Orleans passes: the address and the time, nothing else.
        await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = entry.SiloAddress, IAmAliveTime = alive });

        var after = await table.ReadRowAsync(entry.SiloAddress);
        var (stored, etag) = after.Members.Single();
        Assert.Equal(alive, stored.IAmAliveTime);
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.Members.Single().Item2, etag);
        Assert.Equal(entry.Status, stored.Status);
        Assert.Equal(entry.HostName, stored.HostName);
        Assert.Equal(entry.StartTime, stored.StartTime);
    }

    [Fact]
    public async Task ReadRow_reads_one_silo_with_the_table_version_and_ReadAll_reads_every_silo()
    {
        var table = await Table();
        var entries = Enumerable.Range(0, 3).Select(_ => Silos.NewEntry()).ToArray();
        foreach (var entry in entries)
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        var one = await table.ReadRowAsync(entries[1].SiloAddress);
        var missing = await table.ReadRowAsync(Silos.NewAddress());
        var all = await table.ReadAllAsync();

        Assert.Equal(entries[1].SiloAddress, one.Members.Single().Item1.SiloAddress);
        Assert.Equal(entries[1].ToFullString(), one.Members.Single().Item1.ToFullString());
        Assert.Equal(3, one.Version.Version);
        Assert.Empty(missing.Members);
        Assert.Equal(one.Version, missing.Version);
        Assert.Equal(entries.Select(e => e.SiloAddress).OrderBy(a => a.ToParsableString()),
            all.Members.Select(m => m.Item1.SiloAddress).OrderBy(a => a.ToParsableString()));
        Assert.Equal(3, all.Members.Select(m => m.Item2).Distinct().Count());
    }

    [Fact]
    public async Task The_gateway_list_holds_the_proxy_endpoints_of_active_silos_with_a_proxy_port()
    {
        var table = await Table();
        var active = Silos.NewEntry(SiloStatus.Active, proxyPort: 30001);
        var activeNoGateway = Silos.NewEntry(SiloStatus.Active, proxyPort: 0);
        var joining = Silos.NewEntry(SiloStatus.Joining, proxyPort: 30002);
        var dead = Silos.NewEntry(SiloStatus.Dead, proxyPort: 30003);
        var secondActive = Silos.NewEntry(SiloStatus.Active, proxyPort: 30004);
        foreach (var entry in new[] { active, activeNoGateway, joining, dead, secondActive })
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        var gateways = Track(CreateGateways(ClusterId));
        await gateways.InitializeGatewayListProviderAsync();
        var list = await gateways.GetGatewaysAsync();

        var expected = new[] { active, secondActive }
            .Select(e => SiloAddress.New(e.SiloAddress.Endpoint.Address, e.ProxyPort, e.SiloAddress.Generation).ToGatewayUri())
            .OrderBy(u => u.ToString());
        Assert.Equal(expected, list.OrderBy(u => u.ToString()));
        Assert.Equal(RefreshPeriod, gateways.MaxStaleness);
        Assert.Empty(await Track(CreateGateways("another-" + ClusterId)).GetGatewaysAsync());
    }

    [Fact]
    public async Task Cleanup_removes_silos_not_active_whose_last_sign_of_life_is_older_than_the_date()
    {
        var table = await Table();
        var old = DateTime.UtcNow.AddDays(-10);
        var oldOfEveryStatus = Enum.GetValues<SiloStatus>().Select(status => Silos.NewEntry(status, time: old)).ToArray();
        var recentJoining = Silos.NewEntry(SiloStatus.Joining);
        var oldDeadJustDeclared = Silos.NewEntry(SiloStatus.Dead, time: old);
        oldDeadJustDeclared.AddSuspector(Silos.NewAddress(), DateTime.UtcNow);
        foreach (var entry in oldOfEveryStatus.Append(recentJoining).Append(oldDeadJustDeclared))
        {
            Assert.True(await table.InsertRowAsync(entry, (await table.ReadAllAsync()).Version.Next()));
        }

        var version = (await table.ReadAllAsync()).Version;
        await table.CleanupDefunctSiloEntriesAsync(DateTimeOffset.UtcNow.AddDays(-3));

        var data = await table.ReadAllAsync();
        var left = data.Members.Select(m => m.Item1.SiloAddress).ToHashSet();
        Assert.Equal(3, left.Count);
        Assert.Contains(oldOfEveryStatus.Single(e => e.Status == SiloStatus.Active).SiloAddress, left);
        Assert.Contains(recentJoining.SiloAddress, left);
        Assert.Contains(oldDeadJustDeclared.SiloAddress, left);
        Assert.Equal(version, data.Version);
    }

    [Fact]
    public async Task Deleting_a_cluster_removes_its_rows_and_version_and_leaves_other_clusters()
    {
        var table = await Table();
        var other = await Table("other-" + ClusterId);
        Assert.True(await table.InsertRowAsync(Silos.NewEntry(), (await table.ReadAllAsync()).Version.Next()));
        Assert.True(await other.InsertRowAsync(Silos.NewEntry(), (await other.ReadAllAsync()).Version.Next()));

        await table.DeleteMembershipTableEntriesAsync(ClusterId);

        var deleted = await table.ReadAllAsync();
        Assert.Empty(deleted.Members);
        Assert.Equal(0, deleted.Version.Version);
        Assert.True(await table.InsertRowAsync(Silos.NewEntry(), deleted.Version.Next()), "the cluster starts again from version 0");
        var kept = await other.ReadAllAsync();
        Assert.Single(kept.Members);
        Assert.Equal(1, kept.Version.Version);
    }

    [Fact]
    public async Task Tables_of_one_cluster_share_rows_and_initialising_again_keeps_the_version()
    {
        var first = await Table();
        Assert.True(await first.InsertRowAsync(Silos.NewEntry(), (await first.ReadAllAsync()).Version.Next()));
        var version = (await first.ReadAllAsync()).Version;

        var second = await Table();

        Assert.Equal(version, (await second.ReadAllAsync()).Version);
        Assert.Single((await second.ReadAllAsync()).Members);
        var otherCluster = await Table("other-" + ClusterId);
        Assert.Empty((await otherCluster.ReadAllAsync()).Members);
    }

    private async Task<IMembershipTable> Table(string? clusterId = null)
    {
        var table = Track(CreateTable(clusterId ?? ClusterId));
        await table.InitializeMembershipTableAsync(tryInitTableVersion: true);
        return table;
    }

    private T Track<T>(T created)
        where T : notnull
    {
        _created.Add(created);
        return created;
    }
}
