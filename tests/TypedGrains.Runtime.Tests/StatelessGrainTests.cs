using System.Linq;
using System.Threading.Tasks;
using TypedGrains.Backend;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>A grain may declare no state: it derives from <see cref="Grain"/> directly and runs like any other.</summary>
public sealed class StatelessGrainTests
{
    [Fact]
    public async Task A_grain_without_state_answers_calls_and_casts()
    {
        using var grains = new InProcessRuntime();
        EchoGrainRef echo = grains.EchoGrain("e-1");

        Assert.Equal(42, await echo.Ping(42));
        Assert.Equal("later", await echo.EchoLaterAsync("later"));
        Assert.Equal(1, await echo.CountPing());
        echo.Poke();
        Assert.Equal(12, await echo.CountPing());
        Assert.True(grains.IsActive(echo.Id));
    }

    [Fact]
    public async Task A_grain_without_state_starts_afresh_after_deactivation()
    {
        using var grains = new InProcessRuntime();
        EchoGrainRef echo = grains.EchoGrain("e-2");
        Assert.Equal(1, await echo.CountPing());

        await echo.Leave();

        Assert.False(grains.IsActive(echo.Id));
        Assert.Equal(1, await echo.CountPing());
    }

    [Fact]
    public async Task A_stateless_worker_without_state_answers_from_any_activation()
    {
        using var grains = new InProcessRuntime();
        EchoWorkerGrainRef worker = grains.EchoWorkerGrain("w-1");

        string[] replies = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => worker.Shout("hi " + i).AsTask()));

        Assert.Equal(Enumerable.Range(0, 8).Select(i => "HI " + i), replies);
        Assert.True(grains.IsActive(worker.Id));
    }

    [Fact]
    public void The_definition_of_a_grain_without_state_says_so()
    {
        GrainDefinition echo = GrainCatalog.Get("TypedGrains.Runtime.Tests.Grains.EchoGrain");
        GrainDefinition worker = GrainCatalog.Get("TypedGrains.Runtime.Tests.Grains.EchoWorkerGrain");

        Assert.False(echo.HasState);
        Assert.False(worker.HasState);
        Assert.Equal(Placement.StatelessWorker, worker.Placement);
    }
}
