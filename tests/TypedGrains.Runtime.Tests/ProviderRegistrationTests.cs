using System;
using System.Threading.Tasks;
using TypedGrains.Runtime.Tests.Grains;
using Xunit;

namespace TypedGrains.Runtime.Tests;

public sealed class ProviderRegistrationTests
{
    [Fact]
    public void A_declared_grain_whose_provider_is_not_registered_fails_the_runtime_start_naming_grain_and_provider()
    {
        var options = new InProcessRuntimeOptions().AddGrain<CounterGrain>().AddGrain<LinkGrain>();

        var error = Assert.Throws<InvalidOperationException>(() => new InProcessRuntime(options));

        Assert.Contains("'links'", error.Message);
        Assert.Contains(options.Grains[1].TypeName, error.Message);
        Assert.Contains("(none)", error.Message);
    }

    [Fact]
    public async Task A_declared_grain_whose_provider_is_registered_starts_and_uses_that_provider()
    {
        var links = new MemoryGrainStateProvider();
        var options = new InProcessRuntimeOptions().AddGrain<CounterGrain>().AddGrain<LinkGrain>();
        options.Providers["links"] = links;
        using var grains = new InProcessRuntime(options);

        await grains.LinkGrain("a").Point(grains.CounterGrain("target"));
        Assert.Equal(3, await grains.LinkGrain("a").AddThrough(3));

        Assert.Equal(1, links.Count);
        Assert.Equal(2, options.Grains.Count);
        Assert.Equal("links", options.Grains[1].Provider);
    }

    [Fact]
    public async Task Two_runtimes_alive_at_once_keep_the_same_grain_type_in_their_own_providers()
    {
        // The engine resolves a grain type's provider once per runtime: alternating activations between two runtimes
        // must each keep using their own runtime's provider.
        var first = new InProcessRuntimeOptions();
        var firstStore = new MemoryGrainStateProvider();
        first.DefaultProvider = firstStore;
        var second = new InProcessRuntimeOptions();
        var secondStore = new MemoryGrainStateProvider();
        second.DefaultProvider = secondStore;
        using var one = new InProcessRuntime(first);
        using var two = new InProcessRuntime(second);

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, await one.CounterGrain($"one-{i}").Add(1));
            Assert.Equal(2, await two.CounterGrain($"two-{i}").Add(2));
        }

        Assert.Equal(3, firstStore.Count);
        Assert.Equal(3, secondStore.Count);
    }
}
