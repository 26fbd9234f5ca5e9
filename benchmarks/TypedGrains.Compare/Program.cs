using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using TypedGrains.Compare;
using TypedGrains.Compare.Implementations;
using TypedGrains.Compare.Workloads;

// dotnet run -c Release --project benchmarks/TypedGrains.Compare -- [--quick] [--json FILE] [--only WORKLOAD] [--impl NAME]
var quick = args.Contains("--quick");
var jsonPath = OptionValue("--json");
var only = OptionValue("--only");
var onlyImplementation = OptionValue("--impl");
var scale = quick ? Scale.Quick : Scale.Full;

IActorImplementation[] allImplementations = [new TypedGrainsActors(), new ChannelActors(), new ActionBlockActors()];
var implementations = allImplementations.Where(i => onlyImplementation is null || i.Name == onlyImplementation).ToArray();
IWorkload[] allWorkloads = [new SequentialCalls(scale), new ConcurrentCalls(scale), new Casts(scale), new Activations(scale)];
var workloads = allWorkloads.Where(w => only is null || w.Name == only).ToArray();
if (workloads.Length == 0 || implementations.Length == 0)
{
    Console.Error.WriteLine(
        $"Unknown workload '{only}' or implementation '{onlyImplementation}'; workloads: {string.Join(", ", allWorkloads.Select(w => w.Name))}; " +
        $"implementations: {string.Join(", ", allImplementations.Select(i => i.Name))}.");
    return 2;
}

Console.WriteLine($"TypedGrains.Compare ({(quick ? "quick" : "full")}) on {Environment.ProcessorCount} cores, .NET {Environment.Version}, {(Debugger.IsAttached ? "DEBUGGER" : "no debugger")}");
var results = new Results();
foreach (var workload in workloads)
{
    // Interleaved: every implementation runs this workload before the next workload starts.
    foreach (var actors in implementations)
    {
        var warm = Stopwatch.StartNew();
        do
        {
            await workload.WarmUpPassAsync(actors);
        }
        while (warm.Elapsed < scale.WarmUp);

        var figures = await workload.MeasureAsync(actors);
        results.Add(workload.Name, actors.Name, figures);
        Console.WriteLine($"  {workload.Name,-18} {actors.Name,-12} {string.Join("  ", figures.Select(Results.Format))}");
    }
}

Console.WriteLine();
Console.WriteLine(results.ToTable());
if (jsonPath is not null)
{
    await File.WriteAllTextAsync(jsonPath, results.ToJson());
    Console.WriteLine($"wrote {jsonPath}");
}

foreach (var actors in implementations)
{
    actors.Dispose();
}

return 0;

string? OptionValue(string name)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}
