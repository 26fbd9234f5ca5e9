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
    private readonly List<SiloErrorLog> _logs = new();

    public SiloLauncher(string clusterDll, ClusterSettings settings)
    {
        _clusterDll = clusterDll;
        _settings = settings;
    }

    /// <summary>
    /// Starts a silo and waits (at most <paramref name="patience"/> for each start) until it joined the cluster. A silo that
    /// Orleans declares dead while it joins (a starved machine can miss the probes of a joining silo, and Orleans then
    /// ends that process) or that finds its port taken is replaced by a new one, as a process supervisor would, at
    /// most <see cref="MaxAttempts"/> times; <paramref name="replaced"/> hears why. Any other failure to start throws.
    /// </summary>
    public async Task<Process> StartAsync(TimeSpan patience, Action<string>? replaced = null)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (process, failure, errors) = await TryStartAsync(patience);
            if (failure is null)
            {
                return process;
            }

            var why = errors.DeclaredDead.IsCompleted ? "Orleans declared it dead while it joined"
                : errors.AddressInUse ? "its port was taken" : null;
            if (why is null || attempt == MaxAttempts)
            {
                throw new TimeoutException($"{failure} within {patience} (attempt {attempt} of {MaxAttempts}). " +
                    $"Its stderr is in {errors.Path}; its first lines:{Environment.NewLine}{errors}");
            }

            replaced?.Invoke($"silo pid {process.Id} did not join: {why} (stderr in {errors.Path}); starting another");
        }
    }

    /// <summary>How many silos <see cref="StartAsync"/> starts at most for one that joins.</summary>
    public const int MaxAttempts = 3;

    private async Task<(Process Process, string? Failure, SiloErrorLog Errors)> TryStartAsync(TimeSpan patience)
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
        var errors = new SiloErrorLog(System.IO.Path.Combine(_settings.Folder, $"silo-{ports[0]}.stderr.log"));
        _logs.Add(errors);
        process.ErrorDataReceived += (_, e) => errors.Add(e.Data);
        process.BeginErrorReadLine();
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
        var first = await Task.WhenAny(ready, errors.DeclaredDead, Task.Delay(patience));
        if (first == ready && await ready)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            return (process, null, errors);
        }

        var failure = first == errors.DeclaredDead ? $"A silo on port {ports[0]} was declared dead before it reported ready"
            : process.HasExited ? $"A silo on port {ports[0]} exited with code {process.ExitCode} before it reported ready"
            : $"A silo on port {ports[0]} did not report ready (it was still running and is killed)";
        Kill(process);
        // Its last lines may still be on their way: what it said decides whether it is replaced.
        await Task.WhenAny(errors.Ended, Task.Delay(TimeSpan.FromSeconds(10)));
        return (process, failure, errors);
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

        foreach (var log in _logs)
        {
            log.Dispose();
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
