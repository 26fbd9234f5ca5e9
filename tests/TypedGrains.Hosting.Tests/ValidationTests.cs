using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Xunit;

namespace TypedGrains.Hosting.Tests;

/// <summary>A misconfiguration fails the host's start with a message naming what is wrong.</summary>
public sealed class ValidationTests
{
    [Fact]
    public async Task An_unknown_provider_kind_fails_the_start_naming_the_setting_and_the_known_kinds()
    {
        var error = await StartFails<OptionsValidationException>(new() { ["TypedGrains:Providers:cache:Kind"] = "redis" });

        Assert.Contains("TypedGrains:Providers:cache:Kind 'redis' is not a known provider kind", error.Message);
        Assert.Contains("memory, sqlite", error.Message);
    }

    [Fact]
    public async Task A_missing_connection_string_fails_the_start_naming_the_provider()
    {
        var error = await StartFails<OptionsValidationException>(new() { ["TypedGrains:Providers:main:Kind"] = "sqlite" });

        Assert.Contains("TypedGrains:Providers:main:ConnectionString is missing", error.Message);
    }

    [Fact]
    public async Task A_default_provider_that_names_no_provider_fails_the_start()
    {
        var error = await StartFails<OptionsValidationException>(new() { ["TypedGrains:DefaultProvider"] = "nowhere" });

        Assert.Contains("TypedGrains:DefaultProvider 'nowhere' names no provider", error.Message);
    }

    [Fact]
    public async Task A_declared_grain_whose_provider_is_not_registered_fails_the_start_naming_grain_and_provider()
    {
        using var host = HostFixture.Build(b => b.AddGrain<ArchivedGrain>());

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        Assert.Contains("ArchivedGrain", error.Message);
        Assert.Contains("archive", error.Message);
    }

    private static async Task<TException> StartFails<TException>(Dictionary<string, string?> configuration)
        where TException : Exception
    {
        using var host = HostFixture.Build(b => b.AddGrain<TallyGrain>(), configuration);
        return await Assert.ThrowsAsync<TException>(() => host.StartAsync());
    }
}
