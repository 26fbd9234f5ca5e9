using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using TypedGrains.Compare.Workloads;

namespace TypedGrains.Compare;

/// <summary>Collects figures per workload and implementation; renders the table and the JSON document.</summary>
internal sealed class Results
{
    private const string Subject = "typedgrains";
    private static readonly string[] Baselines = ["channel", "actionblock"];
    private readonly List<(string Workload, string Implementation, IReadOnlyList<Figure> Figures)> _rows = new();

    public void Add(string workload, string implementation, IReadOnlyList<Figure> figures) => _rows.Add((workload, implementation, figures));

    public static string Format(Figure figure) =>
        string.Create(CultureInfo.InvariantCulture, $"{figure.Name}={figure.Value:#,0.##}");

    /// <summary>TypedGrains over a baseline for the headline figure; above 1 means TypedGrains is better.</summary>
    public double? Ratio(string workload, string baseline)
    {
        var ours = Headline(workload, Subject);
        var theirs = Headline(workload, baseline);
        if (ours is null || theirs is null || ours.Value == 0 || theirs.Value == 0)
        {
            return null;
        }

        return ours.HigherIsBetter ? ours.Value / theirs.Value : theirs.Value / ours.Value;
    }

    public string ToTable()
    {
        var text = new StringBuilder();
        text.AppendLine("| workload | implementation | figures | vs channel | vs actionblock |");
        text.AppendLine("|---|---|---|---|---|");
        foreach (var (workload, implementation, figures) in _rows)
        {
            var ratios = implementation == Subject
                ? Baselines.Select(b => Ratio(workload, b) is { } r ? r.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "-").ToArray()
                : ["", ""];
            text.AppendLine(CultureInfo.InvariantCulture, $"| {workload} | {implementation} | {string.Join(", ", figures.Select(f => Format(f) + " " + f.Unit))} | {ratios[0]} | {ratios[1]} |");
        }

        return text.ToString();
    }

    public string ToJson()
    {
        var workloads = _rows.Select(r => r.Workload).Distinct().ToList();
        var document = new Dictionary<string, object>
        {
            ["results"] = workloads.ToDictionary(w => w, w => _rows.Where(r => r.Workload == w).ToDictionary(r => r.Implementation, r => r.Figures[0].Value)),
            ["ratios"] = workloads.ToDictionary(w => w, w => Baselines.ToDictionary(b => b, b => Ratio(w, b))),
            ["details"] = workloads.ToDictionary(w => w, w => _rows.Where(r => r.Workload == w)
                .ToDictionary(r => r.Implementation, r => r.Figures.ToDictionary(f => f.Name, f => f.Value))),
        };
        return JsonSerializer.Serialize(document, new JsonSerializerOptions { WriteIndented = true });
    }

    private Figure? Headline(string workload, string implementation) =>
        _rows.FirstOrDefault(r => r.Workload == workload && r.Implementation == implementation).Figures?[0];
}
