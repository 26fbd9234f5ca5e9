using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace TypedGrains.Persistence.Tests.Samples;

/// <summary>samples/Subscriptions as a user runs it: one command, two processes on one SQLite file.</summary>
public sealed class SubscriptionsSampleTests
{
    [Fact]
    public async Task The_sample_shows_its_reminder_firing_in_a_second_process_on_the_same_file()
    {
        var sample = typeof(SubscriptionsSampleTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "SubscriptionsSample").Value!;
        Assert.True(File.Exists(sample), $"the sample is not built at {sample}");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(sample);

        using var run = Process.Start(start)!;
        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await run.WaitForExitAsync(bound.Token);

        var text = await output;
        Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{text}\n{await error}");
        var first = Regex.Match(text, @"process 1 \((\d+)\): charge #1;");
        var fired = Regex.Match(text, @"process 2 \((\d+)\): the reminder fired after the restart: charge #(\d+)");
        Assert.True(first.Success && fired.Success, text);
        Assert.NotEqual(first.Groups[1].Value, fired.Groups[1].Value);
        Assert.Equal("2", fired.Groups[2].Value);
        Assert.Contains("alice active: False", text);
    }
}
