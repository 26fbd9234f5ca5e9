using System;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Hosting.Tests;

/// <summary>Grains with constructor-injected services, created by the generated factory (no reflection).</summary>
public sealed class InjectionTests
{
    [Fact]
    public async Task A_grain_receives_its_constructor_services_from_the_host()
    {
        using var host = HostFixture.Build(b => b.AddGrain<GreetingGrain>(), services: s => s.AddSingleton<IGreeter, PoliteGreeter>());
        await host.StartAsync();

        var reply = await host.Services.GetRequiredService<IGrainFactory>().GreetingGrain("g-1").Hello("Ada");

        Assert.Equal("Good day, Ada", reply);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_defaulted_parameter_without_a_service_receives_its_declared_default()
    {
        using var host = HostFixture.Build(b => b.AddGrain<PatientGrain>(), services: s => s.AddSingleton<IGreeter, PoliteGreeter>());
        await host.StartAsync();

        var reply = await host.Services.GetRequiredService<IGrainFactory>().PatientGrain("p-1").Describe();

        Assert.Equal("Good day, patient (3 retries)", reply);
        await host.StopAsync();
    }

    [Fact]
    public async Task A_declared_grain_whose_service_is_not_registered_fails_the_start_naming_grain_and_parameter()
    {
        using var host = HostFixture.Build(b => b.AddGrain<GreetingGrain>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("GreetingGrain", error.Message);
        Assert.Contains("'greeter'", error.Message);
        Assert.Contains(typeof(IGreeter).FullName!, error.Message);
        Assert.DoesNotContain("culture", error.Message);
    }

    [Fact]
    public async Task Without_services_a_declared_grain_that_takes_some_fails_the_runtime_start()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new InProcessRuntime(new InProcessRuntimeOptions().AddGrain<GreetingGrain>()));

        Assert.Contains("GreetingGrain", error.Message);
        Assert.Contains("'greeter'", error.Message);
        await Task.CompletedTask;
    }

    [Fact]
    public void A_pure_handler_test_still_constructs_the_grain_directly()
    {
        var grain = new GreetingGrain(new PoliteGreeter(), culture: null);

        Assert.Equal("Good day, Bob", grain.Hello("Bob"));
        Assert.Equal(1, grain.State.Count);
    }
}
