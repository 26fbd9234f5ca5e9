using System;
using System.Collections.Generic;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Xunit;

namespace TypedGrains.Runtime.Tests.Telemetry;

/// <summary>
/// docs/observability.md against the code: a log event or an instrument that is added, renamed or changed without
/// its row in the docs fails here, and so does a row the code does not keep.
/// </summary>
public sealed class ObservabilityDocsTests
{
    [Fact]
    public void Every_log_event_is_listed_with_its_id_name_and_level_and_every_listed_event_exists()
    {
        var code = typeof(InProcessRuntime).Assembly.GetType("TypedGrains.Runtime.RuntimeLog", throwOnError: true)!
            .GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Select(method => method.GetCustomAttribute<LoggerMessageAttribute>())
            .OfType<LoggerMessageAttribute>()
            .Select(attribute => $"{attribute.EventId} {attribute.EventName} {attribute.Level}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        var documented = Rows(@"^\| (\d+) \| `(\w+)` \| (\w+) \|")
            .Select(row => $"{row[1]} {row[2]} {row[3]}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(12, code.Length);
        Assert.Equal(code, documented);
        Assert.Equal(code.Length, code.Select(entry => entry.Split(' ')[0]).Distinct().Count());
    }

    [Fact]
    public void Every_instrument_is_published_with_the_documented_name_kind_and_unit()
    {
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { MaxMailboxLength = 10 });
        var published = new List<string>();
        using (var listener = new MeterListener())
        {
            listener.InstrumentPublished = (instrument, _) =>
            {
                if (ReferenceEquals(instrument.Meter, grains.Metrics.Meter))
                {
                    published.Add($"{instrument.Name} {instrument.GetType().Name.Split('`')[0]} {instrument.Unit}");
                }
            };
            listener.Start();
        }

        var documented = Rows(@"^\| `(typedgrains\.[\w.]+)` \| (\w+) \| `([^`]+)` \|")
            .Select(row => $"{row[1]} {row[2]} {row[3]}")
            .Order(StringComparer.Ordinal)
            .ToArray();

        Assert.Equal(GrainInstrumentation.Name, grains.Metrics.Meter.Name);
        Assert.Equal(8, published.Count);
        Assert.Equal(published.Order(StringComparer.Ordinal).ToArray(), documented);
    }

    /// <summary>The capture groups of every line of docs/observability.md that matches <paramref name="pattern"/>.</summary>
    private static List<string[]> Rows(string pattern)
    {
        var docs = File.ReadAllLines(Path.Combine(RepositoryRoot(), "docs", "observability.md"));
        return docs
            .Select(line => Regex.Match(line, pattern))
            .Where(match => match.Success)
            .Select(match => match.Groups.Cast<Group>().Select(group => group.Value).ToArray())
            .ToList();
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "TypedGrains.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("TypedGrains.sln not found above " + AppContext.BaseDirectory);
    }
}
