using System;
using Microsoft.Extensions.DependencyInjection;
using TypedGrains.Persistence;
using TypedGrains.Runtime;

namespace TypedGrains.Hosting;

/// <summary>
/// Declares the grains and state providers of <see cref="TypedGrainsServiceCollectionExtensions.AddTypedGrains"/>.
/// The <c>TypedGrains</c> configuration section is applied after the builder, so configuration overrides code.
/// </summary>
public sealed class TypedGrainsBuilder
{
    /// <summary>The name <see cref="UseSqlite(string)"/> gives its provider (grains may name it too).</summary>
    public const string SqliteProviderName = "sqlite";

    private readonly TypedGrainsRegistry _registry;

    internal TypedGrainsBuilder(IServiceCollection services, TypedGrainsRegistry registry)
    {
        Services = services;
        _registry = registry;
    }

    /// <summary>The service collection the grains are added to.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Declares that the runtime hosts <typeparamref name="TGrain"/>: its state provider is checked when the host
    /// starts, and the start fails with a message naming the grain and the provider if it is not registered.
    /// </summary>
    public TypedGrainsBuilder AddGrain<TGrain>()
        where TGrain : Grain, IGrain<TGrain>
    {
        _registry.Grains.Add(static options => options.AddGrain<TGrain>());
        return this;
    }

    /// <summary>
    /// Stores grains that name no provider in a SQLite file: adds the provider <see cref="SqliteProviderName"/> with
    /// <paramref name="connectionString"/> (<c>Data Source=path</c>) and makes it the default.
    /// </summary>
    public TypedGrainsBuilder UseSqlite(string connectionString)
    {
        AddSqlite(SqliteProviderName, connectionString);
        _registry.Options.Add(static options => options.DefaultProvider = SqliteProviderName);
        return this;
    }

    /// <summary>Adds a SQLite provider named <paramref name="name"/> (for grains declaring <c>Provider = name</c>).</summary>
    public TypedGrainsBuilder AddSqlite(string name, string connectionString) =>
        AddProviderOptions(name, ProviderKinds.Sqlite, connectionString);

    /// <summary>Adds an in-memory provider named <paramref name="name"/> (state lives as long as the process).</summary>
    public TypedGrainsBuilder AddMemory(string name) => AddProviderOptions(name, ProviderKinds.Memory, null);

    /// <summary>Adds a provider named <paramref name="name"/> created by <paramref name="factory"/> when the runtime starts.</summary>
    public TypedGrainsBuilder AddProvider(string name, Func<IServiceProvider, IGrainStateProvider> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(factory);
        _registry.NamedProviders[name] = factory;
        return this;
    }

    /// <summary>
    /// Adds a provider kind the configuration may name (<c>TypedGrains:Providers:NAME:Kind</c>): <paramref name="factory"/>
    /// receives the services and the entry's connection string, which must then be set.
    /// </summary>
    public TypedGrainsBuilder AddProviderKind(string kind, Func<IServiceProvider, string, IGrainStateProvider> factory)
    {
        ArgumentException.ThrowIfNullOrEmpty(kind);
        ArgumentNullException.ThrowIfNull(factory);
        _registry.Kinds[kind] = factory;
        return this;
    }

    /// <summary>Adjusts the runtime's options after configuration was applied (schedulers, callbacks, limits).</summary>
    public TypedGrainsBuilder ConfigureRuntime(Action<InProcessRuntimeOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _registry.RuntimeOptions.Add(configure);
        return this;
    }

    private TypedGrainsBuilder AddProviderOptions(string name, string kind, string? connectionString)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        _registry.Options.Add(options =>
            options.Providers[name] = new GrainStateProviderOptions { Kind = kind, ConnectionString = connectionString });
        return this;
    }
}
