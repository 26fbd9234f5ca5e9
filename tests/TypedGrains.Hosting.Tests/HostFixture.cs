using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace TypedGrains.Hosting.Tests;

/// <summary>Builds generic hosts with TypedGrains, in-memory configuration, and a temporary folder for SQLite files.</summary>
internal sealed class HostFixture : IDisposable
{
    public string Folder { get; } = Path.Combine(Path.GetTempPath(), "typedgrains-hosting-" + Guid.NewGuid().ToString("N"));

    public HostFixture() => Directory.CreateDirectory(Folder);

    public string Database(string name) => Path.Combine(Folder, name);

    public static IHost Build(Action<TypedGrainsBuilder> grains, IDictionary<string, string?>? configuration = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        builder.Services.AddTypedGrains(grains);
        services?.Invoke(builder.Services);
        return builder.Build();
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still open on a slow machine; the temp folder is cleaned elsewhere.
        }
    }
}
