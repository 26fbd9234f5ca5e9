using System;
using System.Diagnostics;
using System.Text.Json;
using System.Threading.Tasks;
using TypedGrains.Compare.Workloads;

namespace TypedGrains.Compare;

/// <summary>The child process: warms up and times one workload on one implementation, then prints one result line.</summary>
internal static class ChildRun
{
    /// <summary>Starts the result line on stdout (anything else a peer prints there is ignored by the parent).</summary>
    public const string Marker = "@@compare-result ";

    public static async Task<int> RunAsync(Options options)
    {
        var workloadName = options.Workloads[0];
        var scale = options.Quick ? Scale.Quick : Scale.Full;
        var actors = await Catalog.StartAsync(options.Implementations[0]);
        await using (actors.ConfigureAwait(false))
        {
            var used = actors.Scaled(scale);
            var workload = Catalog.Workload(workloadName, used);
            var warm = Stopwatch.StartNew();
            do
            {
                await workload.WarmUpPassAsync(actors);
            }
            while (warm.Elapsed < used.WarmUp);

            var figures = await workload.MeasureAsync(actors);
            var result = new RunResult(workloadName, actors.Name, workload.Count, Catalog.Workload(workloadName, scale).Count, figures);
            Console.Out.WriteLine(Marker + JsonSerializer.Serialize(result));
            Console.Out.Flush();
        }

        return 0;
    }
}
