using System;
using System.Diagnostics;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Compare;

/// <summary>Runs one (workload, implementation) pair in a fresh process of this same program and reads its result line.</summary>
internal static class ChildProcess
{
    /// <summary>Longest a child may take (warm-up, timed phase and the peer's start and stop) before it is ended.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    /// <summary>The child's result, or throws with the tail of its output when it failed.</summary>
    public static async Task<RunResult> RunAsync(Options options, string workload, string implementation)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Run as `dotnet TypedGrains.Compare.dll`, the host is dotnet and needs the program's path; run from the
        // apphost (as `dotnet run` does), the program is the process itself.
        if (string.Equals(Path.GetFileNameWithoutExtension(start.FileName), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        }

        start.ArgumentList.Add(Options.ChildFlag);
        start.ArgumentList.Add("--only");
        start.ArgumentList.Add(workload);
        start.ArgumentList.Add("--impl");
        start.ArgumentList.Add(implementation);
        if (options.Quick)
        {
            start.ArgumentList.Add("--quick");
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("The child process did not start.");
        var output = new StringBuilder();
        var errors = new StringBuilder();
        string? resultLine = null;
        child.OutputDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            if (line.Data.StartsWith(ChildRun.Marker, StringComparison.Ordinal))
            {
                resultLine = line.Data[ChildRun.Marker.Length..];
            }
            else
            {
                lock (output)
                {
                    output.AppendLine(line.Data);
                }
            }
        };
        child.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        child.BeginOutputReadLine();
        child.BeginErrorReadLine();

        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await child.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            child.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{workload} on {implementation} took longer than {Timeout} and was ended.");
        }

        // WaitForExitAsync returns once the redirected streams are drained.
        if (child.ExitCode != 0 || resultLine is null)
        {
            throw new InvalidOperationException(
                $"{workload} on {implementation} exited with {child.ExitCode}{(resultLine is null ? " and no result" : "")}: {Tail(errors)}{Tail(output)}");
        }

        return JsonSerializer.Deserialize<RunResult>(resultLine) ?? throw new InvalidOperationException("An empty result line.");
    }

    private static string Tail(StringBuilder text)
    {
        lock (text)
        {
            var all = text.ToString().Trim();
            return all.Length <= 2_000 ? all : "..." + all[^2_000..];
        }
    }
}
