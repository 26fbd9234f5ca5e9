using System;
using System.Globalization;
using System.IO;
using TypedGrains.CompileTime;

// generate DIR [--grains N] [--repo PATH]: writes the grain project (a csproj referencing the generator and the
//   analyzers as analyzers, one file a grain) into DIR.
// incremental [--grains N] [--edits E] [--no-compile-check]: runs the generator in Roslyn's driver on the same grains, then edits one
//   handler body of E grains in turn and times each run; checks that every other grain's steps stayed cached.
//   --no-compile-check skips compiling the generated code (for a profile of the generator alone).
// full [--grains N] [--runs R]: times R full runs of the generator, each on a fresh driver and compilation (wall, CPU).
int grains = 1000;
int edits = 20;
int runs = 7;
bool check = true;
string? repo = null;
for (int i = 1; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--grains": grains = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--edits": edits = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--repo": repo = args[++i]; break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-compile-check": check = false; break;
    }
}

switch (args.Length > 0 ? args[0] : "")
{
    case "generate" when args.Length > 1 && repo is not null:
        GrainProject.Write(args[1], Path.GetFullPath(repo), grains);
        Console.WriteLine($"wrote {grains} grains to {args[1]}");
        return 0;
    case "incremental":
        return IncrementalMeasurement.Run(grains, edits, check);
    case "full":
        return FullRunMeasurement.Run(grains, runs);
    default:
        Console.Error.WriteLine("usage: generate DIR --repo PATH [--grains N] | incremental [--grains N] [--edits E] | full [--grains N] [--runs R]");
        return 2;
}
