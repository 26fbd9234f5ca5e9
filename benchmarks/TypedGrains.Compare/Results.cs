using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using TypedGrains.Compare.Workloads;

namespace TypedGrains.Compare;

/// <summary>
/// Collects every child's figures; gives each figure's median over the runs, TypedGrains' ratio to every other
/// implementation (above 1 means TypedGrains is better: ours / theirs for throughput, theirs / ours for latency and
/// memory), the table and the JSON document.
/// </summary>
internal sealed class Results(Options options, MachineInfo machine)
{
    private readonly List<RunResult> _runs = new();
    private readonly List<(string Workload, string Implementation, int Run, string Message)> _failures = new();
    private string? _loadAtEnd;

    public bool HasFailures => _failures.Count > 0;

    public static string Format(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"{figure.Name}={figure.Value:#,0.##}");

    public void Add(RunResult result) => _runs.Add(result);

    public void Fail(string workload, string implementation, int run, string message) => _failures.Add((workload, implementation, run, message));

    public void Finish(string loadAtEnd) => _loadAtEnd = loadAtEnd;

    /// <summary>The median of each figure of <paramref name="implementation"/> on <paramref name="workload"/> over its runs.</summary>
    public IReadOnlyList<Figure> Medians(string workload, string implementation)
    {
        var runs = RunsOf(workload, implementation);
        return runs.Count == 0
            ? []
            : runs[0].Figures.Select(f => f with { Value = Median(runs.Select(r => r.Figures.First(g => g.Name == f.Name).Value)) }).ToList();
    }

    /// <summary>TypedGrains over <paramref name="other"/> for one figure (medians); above 1 means TypedGrains is better.</summary>
    public double? Ratio(string workload, string other, string figure)
    {
        var ours = Medians(workload, Catalog.Subject).FirstOrDefault(f => f.Name == figure);
        var theirs = Medians(workload, other).FirstOrDefault(f => f.Name == figure);
        if (ours is null || theirs is null || ours.Value == 0 || theirs.Value == 0)
        {
            return null;
        }

        return ours.HigherIsBetter ? ours.Value / theirs.Value : theirs.Value / ours.Value;
    }

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Medians of {options.Runs} run(s):");
        text.AppendLine("| workload | implementation | timed | figures (median) | headline of each run |");
        text.AppendLine("|---|---|---:|---|---|");
        foreach (var workload in options.Workloads)
        {
            foreach (var implementation in options.Implementations)
            {
                var runs = RunsOf(workload, implementation);
                if (runs.Count == 0)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"| {workload} | {implementation} | | failed | |");
                    continue;
                }

                var timed = string.Create(CultureInfo.InvariantCulture, $"{runs[0].Count:N0}{(runs[0].ScaledDown ? " (scaled down)" : "")}");
                var figures = string.Join(", ", Medians(workload, implementation).Select(f => Format(f) + " " + f.Unit));
                var each = string.Join(" / ", runs.Select(r => r.Figures[0].Value.ToString("#,0", CultureInfo.InvariantCulture)));
                text.AppendLine(CultureInfo.InvariantCulture, $"| {workload} | {implementation} | {timed} | {figures} | {each} |");
            }
        }

        var others = Others();
        if (others.Count > 0 && options.Implementations.Contains(Catalog.Subject))
        {
            text.AppendLine();
            text.AppendLine("TypedGrains against each (above 1: TypedGrains better; throughput ours/theirs, latency and memory theirs/ours):");
            text.AppendLine($"| workload | figure | {string.Join(" | ", others.Select(o => "vs " + o))} |");
            text.AppendLine($"|---|---|{string.Concat(others.Select(_ => "---:|"))}");
            foreach (var workload in options.Workloads)
            {
                foreach (var figure in Medians(workload, Catalog.Subject))
                {
                    var ratios = others.Select(o => Ratio(workload, o, figure.Name) is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-");
                    text.AppendLine($"| {workload} | {figure.Name} | {string.Join(" | ", ratios)} |");
                }
            }
        }

        foreach (var (workload, implementation, run, message) in _failures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"FAILED run {run} of {workload} on {implementation}: {message}");
        }

        return text.ToString();
    }

    public string ToJson()
    {
        var others = Others();
        var document = new Dictionary<string, object?>
        {
            ["mode"] = options.Quick ? "quick" : "full",
            ["runs"] = options.Runs,
            ["isolation"] = "each (workload, implementation) run in a fresh child process, runs interleaved",
            ["ratioRule"] = "above 1 means typedgrains is better: throughput typedgrains/other, latency and memory other/typedgrains; ratios of medians",
            ["machine"] = new Dictionary<string, object?>
            {
                ["cores"] = machine.Cores,
                ["runtime"] = machine.Runtime,
                ["os"] = machine.Os,
                ["loadAverageAtStart"] = machine.LoadAverage,
                ["loadAverageAtEnd"] = _loadAtEnd,
            },
            ["implementations"] = options.Implementations,
            ["workloads"] = options.Workloads.ToDictionary(w => w, w => (object)new Dictionary<string, object?>
            {
                ["headline"] = Medians(w, Catalog.Subject).FirstOrDefault()?.Name ?? RunsOf(w).FirstOrDefault()?.Figures[0].Name,
                [Catalog.Subject] = Figures(Medians(w, Catalog.Subject)),
                ["ratios"] = others.ToDictionary(o => o, o => Medians(w, Catalog.Subject).ToDictionary(f => f.Name, f => Ratio(w, o, f.Name))),
                ["medians"] = options.Implementations.ToDictionary(i => i, i => Figures(Medians(w, i))),
                ["timed"] = options.Implementations.Where(i => RunsOf(w, i).Count > 0).ToDictionary(i => i, i => new Dictionary<string, object>
                {
                    ["count"] = RunsOf(w, i)[0].Count,
                    ["fullCount"] = RunsOf(w, i)[0].FullCount,
                    ["scaledDown"] = RunsOf(w, i)[0].ScaledDown,
                }),
                ["eachRun"] = options.Implementations.ToDictionary(i => i, i => RunsOf(w, i).Select(r => new Dictionary<string, object?>
                {
                    ["figures"] = Figures(r.Figures),
                    ["loadAverageBefore"] = r.LoadBefore,
                }).ToList()),
            }),
            ["failures"] = _failures.Select(f => new { workload = f.Workload, implementation = f.Implementation, run = f.Run, message = f.Message }).ToList(),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private static Dictionary<string, double> Figures(IEnumerable<Figure> figures) => figures.ToDictionary(f => f.Name, f => f.Value);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    private List<string> Others() => options.Implementations.Where(i => i != Catalog.Subject).ToList();

    private List<RunResult> RunsOf(string workload, string? implementation = null) =>
        _runs.Where(r => r.Workload == workload && (implementation is null || r.Implementation == implementation)).ToList();
}
