using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

namespace TypedGrains.Compare;

/// <summary>
/// The parent process: runs every (workload, implementation) pair in a child process of its own, interleaved (run 1 of
/// every pair, then run 2, ...; within a run, every implementation on a workload before the next workload), then prints
/// the medians and ratios and writes the JSON.
/// </summary>
internal static class ParentRun
{
    public static async Task<int> RunAsync(Options options)
    {
        var machine = MachineInfo.Read();
        Console.WriteLine($"TypedGrains.Compare ({(options.Quick ? "quick" : "full")}, {options.Runs} run(s) of each pair, each in its own process) " +
            $"on {machine.Cores} cores, .NET {machine.Runtime}, {machine.Os}; load average {machine.LoadAverage}");
        var results = new Results(options, machine);
        for (var run = 1; run <= options.Runs; run++)
        {
            foreach (var workload in options.Workloads)
            {
                foreach (var implementation in options.Implementations)
                {
                    var load = MachineInfo.LoadAverage1();
                    try
                    {
                        var result = await ChildProcess.RunAsync(options, workload, implementation) with { LoadBefore = load };
                        results.Add(result);
                        var scaled = result.ScaledDown ? string.Create(CultureInfo.InvariantCulture, $"  (scaled down: {result.Count:N0} of {result.FullCount:N0})") : "";
                        Console.WriteLine($"  run {run}  {workload,-18} {implementation,-12} {string.Join("  ", result.Figures.Select(Results.Format))}{scaled}");
                    }
                    catch (InvalidOperationException failure)
                    {
                        results.Fail(workload, implementation, run, failure.Message);
                        Console.WriteLine($"  run {run}  {workload,-18} {implementation,-12} FAILED: {failure.Message}");
                    }
                }
            }
        }

        results.Finish(MachineInfo.Read().LoadAverage);
        Console.WriteLine();
        Console.WriteLine(results.ToTable());
        if (options.JsonPath is not null)
        {
            await File.WriteAllTextAsync(options.JsonPath, results.ToJson());
            Console.WriteLine($"wrote {options.JsonPath}");
        }

        return results.HasFailures ? 1 : 0;
    }
}
