using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TypedGrains.Runtime;

namespace TypedGrains.Hosting;

/// <summary>
/// Starts the runtime with the host (creating it, so a misconfiguration fails the host's start) and stops it
/// gracefully with the host: mailboxes drain, deactivation hooks save, owed callers fail
/// (<see cref="InProcessRuntime.StopAsync"/>), within the host's shutdown timeout.
/// </summary>
internal sealed class GrainRuntimeHostedService : IHostedService
{
    private readonly IServiceProvider _services;
    private InProcessRuntime? _runtime;

    public GrainRuntimeHostedService(IServiceProvider services) => _services = services;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _runtime = _services.GetRequiredService<InProcessRuntime>();
        return _runtime.StartAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => _runtime?.StopAsync(cancellationToken) ?? Task.CompletedTask;
}
