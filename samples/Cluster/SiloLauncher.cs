using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading.Tasks;

namespace Samples.Cluster;

/// <summary>
/// Starts silos of the sample cluster as child processes (<c>dotnet Cluster.dll silo ...</c>) on loopback ports, and
/// kills them by pid (SIGKILL: nothing of the silo runs after it). Every silo it started is killed on dispose.
/// </summary>
public sealed class SiloLauncher : IDisposable
{
    private readonly string _clusterDll;
    private readonly ClusterSettings _settings;
    private readonly List<Process> _started = new();

    public SiloLauncher(string clusterDll, ClusterSettings settings)
    {
        _clusterDll = clusterDll;
        _settings = settings;
    }

    /// <summary>Starts a silo and waits (at most <paramref name="patience"/>) until it joined the cluster.</summary>
    public async Task<Process> StartAsync(TimeSpan patience)
    {
        var ports = FreePorts(2);
        var arguments = new List<string> { _clusterDll, "silo", ports[0].ToString(), ports[1].ToString(), _settings.Folder };
        arguments.Add(_settings.ClusterId);
        if (_settings.Postgres is not null)
        {
            arguments.Add(_settings.Postgres);
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("The silo process did not start.");
        _started.Add(process);
        _ = process.StandardError.ReadToEndAsync();
        var ready = Task.Run(async () =>
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("silo ready", StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        });
        if (await Task.WhenAny(ready, Task.Delay(patience)) != ready || !await ready)
        {
            Kill(process);
            throw new TimeoutException($"A silo on port {ports[0]} did not report ready within {patience}.");
        }

        _ = process.StandardOutput.ReadToEndAsync();
        return process;
    }

    /// <summary>Kills <paramref name="process"/> with SIGKILL and waits for it to exit.</summary>
    public static void Kill(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }
    }

    /// <summary>The live silo process with id <paramref name="pid"/>.</summary>
    public Process Find(int pid) => _started.Single(p => !p.HasExited && p.Id == pid);

    public void Dispose()
    {
        foreach (var process in _started)
        {
            Kill(process);
            process.Dispose();
        }
    }

    private static int[] FreePorts(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }
}
