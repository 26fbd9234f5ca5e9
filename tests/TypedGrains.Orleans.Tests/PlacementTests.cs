using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using TypedGrains.Orleans.Tests.Grains;
using TypedGrains.Orleans.Tests.Support;
using Xunit;

namespace TypedGrains.Orleans.Tests;

/// <summary>Each TypedGrains placement maps to the Orleans placement of its host grain: where activations land.</summary>
public sealed class PlacementTests : IClassFixture<TwoSiloCluster>
{
    private const int Keys = 40;
    private readonly TwoSiloCluster _cluster;
    private readonly string _prefix = Guid.NewGuid().ToString("N")[..8];

    public PlacementTests(TwoSiloCluster cluster) => _cluster = cluster;

    private Guid Primary => _cluster.Primary.Incarnation;

    private Guid Secondary => _cluster.Secondary.Incarnation;

    [Fact]
    public async Task PreferLocal_activates_on_the_calling_silo()
    {
        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(Primary, await _cluster.Primary.LocalWhere(_prefix + "p" + i).Silo());
            Assert.Equal(Secondary, await _cluster.Secondary.LocalWhere(_prefix + "s" + i).Silo());
        }
    }

    [Fact]
    public async Task A_stateless_worker_runs_on_the_calling_silo_whichever_silo_calls_the_same_id()
    {
        Assert.Equal(Primary, await _cluster.Primary.WorkerWhere(_prefix).Silo());
        Assert.Equal(Secondary, await _cluster.Secondary.WorkerWhere(_prefix).Silo());
    }

    [Fact]
    public async Task Hash_placement_puts_an_id_on_one_silo_whoever_calls_and_spreads_ids_over_both()
    {
        var silos = new HashSet<Guid>();
        for (var i = 0; i < Keys; i++)
        {
            var key = _prefix + i;
            var where = await _cluster.Primary.HashWhere(key).Silo();
            Assert.Equal(where, await _cluster.Secondary.HashWhere(key).Silo());
            Assert.Equal(where, await _cluster.Client.HashWhere(key).Silo());
            silos.Add(where);
        }

        Assert.Equal(new HashSet<Guid> { Primary, Secondary }, silos);
    }

    [Fact]
    public async Task Random_placement_spreads_ids_over_both_silos_and_keeps_each_where_it_landed()
    {
        var silos = new HashSet<Guid>();
        for (var i = 0; i < Keys; i++)
        {
            var key = _prefix + i;
            var where = await _cluster.Primary.RandomWhere(key).Silo();
            Assert.Equal(where, await _cluster.Secondary.RandomWhere(key).Silo());
            silos.Add(where);
        }

        // 40 ids on one silo out of two by chance: 2^-39.
        Assert.Equal(new HashSet<Guid> { Primary, Secondary }, silos);
    }
}
