using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace TypedGrains.Compare;

/// <summary>
/// The command line: <c>[--quick] [--json FILE] [--only WORKLOAD[,WORKLOAD]] [--impl NAME[,NAME]] [--runs N]</c>, and the
/// hidden <c>--child</c> with which the parent runs one workload on one implementation in a process of its own.
/// </summary>
internal sealed record Options(bool Quick, string? JsonPath, IReadOnlyList<string> Workloads, IReadOnlyList<string> Implementations, int Runs, bool Child)
{
    public const string ChildFlag = "--child";

    /// <summary>Parses <paramref name="args"/>; <paramref name="error"/> says what is wrong when it returns null.</summary>
    public static Options? Parse(string[] args, out string? error)
    {
        error = null;
        var quick = args.Contains("--quick");
        var workloads = List(args, "--only", Catalog.WorkloadNames);
        var implementations = List(args, "--impl", Catalog.ImplementationNames);
        var unknown = workloads.Except(Catalog.WorkloadNames).Concat(implementations.Except(Catalog.ImplementationNames)).ToList();
        if (unknown.Count > 0)
        {
            error = $"Unknown workload or implementation: {string.Join(", ", unknown)}; workloads: {string.Join(", ", Catalog.WorkloadNames)}; " +
                $"implementations: {string.Join(", ", Catalog.ImplementationNames)}.";
            return null;
        }

        var runs = quick ? 1 : 3;
        if (Value(args, "--runs") is { } runsText && (!int.TryParse(runsText, NumberStyles.None, CultureInfo.InvariantCulture, out runs) || runs < 1))
        {
            error = $"--runs takes a positive number, not '{runsText}'.";
            return null;
        }

        return new Options(quick, Value(args, "--json"), workloads, implementations, runs, args.Contains(ChildFlag));
    }

    private static IReadOnlyList<string> List(string[] args, string name, IReadOnlyList<string> all) =>
        Value(args, name) is { } text ? text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : all;

    private static string? Value(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}
