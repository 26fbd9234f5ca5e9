using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using TypedGrains.Generators;

namespace TypedGrains.CompileTime;

/// <summary>
/// Times the grain generator in Roslyn's incremental driver, as an IDE or the compiler server runs it: one full run on
/// every grain, then edits one grain at a time (a handler body; then a new handler) and times each run, checking from
/// the tracked steps that every other grain's model and output were reused (Cached or Unchanged).
/// </summary>
internal static class IncrementalMeasurement
{
    /// <summary>The edit target: under this many milliseconds per edited handler body (issue 14).</summary>
    private const double BodyEditTargetMs = 50;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest, DocumentationMode.Parse);

    /// <summary>The benchmark's compilation: <paramref name="count"/> generated grains, one tree a grain.</summary>
    public static Compilation CreateCompilation(int count)
    {
        SyntaxTree[] trees = BenchmarkGrains.All(count)
            .Select(s => CSharpSyntaxTree.ParseText(s.Source, ParseOptions, path: s.FileName))
            .ToArray();
        return CSharpCompilation.Create(
            "BenchGrains",
            trees,
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>A fresh driver for one generator, with or without step tracking.</summary>
    public static GeneratorDriver CreateDriver(IIncrementalGenerator generator, bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [generator.AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static int Run(int count, int edits, bool compileCheck)
    {
        Compilation compilation = CreateCompilation(count);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

        var clock = Stopwatch.StartNew();
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out ImmutableArray<Diagnostic> driverDiagnostics);
        double fullMs = clock.Elapsed.TotalMilliseconds;
        GeneratorRunResult full = driver.GetRunResult().Results.Single();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full run: {count} grains, {full.GeneratedSources.Length} generated files, {fullMs:F0} ms (first run in this process: includes JIT of the generator)"));

        // The generated code must compile: a benchmark of a generator that emits broken code measures nothing.
        Diagnostic[] errors = driverDiagnostics.Concat(full.Diagnostics)
            .Concat(compileCheck ? output.GetDiagnostics() : [])
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .ToArray();
        if (errors.Length > 0)
        {
            foreach (Diagnostic error in errors.Take(10))
            {
                Console.Error.WriteLine(error);
            }

            Console.Error.WriteLine($"FAIL: {errors.Length} compile errors in the grains or the generated code");
            return 1;
        }

        // A second full run on a fresh driver: the generator's code is jitted now.
        GeneratorDriver warm = CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        clock.Restart();
        warm.RunGenerators(compilation.Clone());
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"full run, warm (fresh driver, jitted generator): {clock.Elapsed.TotalMilliseconds:F0} ms"));

        // The floor: Roslyn's own cost of re-running a minimal transform on every grain of each new compilation.
        GeneratorDriver floor = CSharpGeneratorDriver.Create(
            [new FloorGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        floor = floor.RunGenerators(compilation);

        // The same edits without step tracking, as an IDE runs the driver (the reuse is checked above, with tracking).
        GeneratorDriver untracked = CSharpGeneratorDriver.Create(
            [new GrainGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: false));
        untracked = untracked.RunGenerators(compilation);

        bool ok = true;
        Compilation start = compilation;
        (driver, compilation, ok) = Measure("handler body edit", driver, compilation, count, edits, extraCast: false, ok);
        (_, _, ok) = Measure("new handler (contract edit)", driver, compilation, count, Math.Max(1, edits / 4), extraCast: true, ok);
        (_, _, _) = Measure("handler body edit, step tracking off", untracked, start, count, edits, extraCast: false, true, noStepCheck: true);
        (_, _, _) = Measure("floor (minimal FAWMN transform), handler body edit", floor, start, count, edits, extraCast: false, true, noStepCheck: true);
        return ok ? 0 : 1;
    }

    private static (GeneratorDriver Driver, Compilation Compilation, bool Ok) Measure(
        string label, GeneratorDriver driver, Compilation compilation, int count, int edits, bool extraCast, bool ok, bool noStepCheck = false)
    {
        var times = new List<double>();
        var cpuTimes = new List<double>();
        string reasons = "";
        for (int i = 0; i < edits + 1; i++)
        {
            int index = (i * 37 + 5) % count;
            string path = BenchmarkGrains.FileName(index);
            SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
            SyntaxTree edited = CSharpSyntaxTree.ParseText(BenchmarkGrains.Source(index, count, edit: i + 1, extraCast), ParseOptions, path: path);
            compilation = compilation.ReplaceSyntaxTree(old, edited);

            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            driver = driver.RunGenerators(compilation);
            double ms = clock.Elapsed.TotalMilliseconds;
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            GeneratorRunResult result = driver.GetRunResult().Results.Single();

            // Every grain but the edited one: its model and outputs Cached or Unchanged; for a body edit, the edited one's too.
            string? problem = noStepCheck ? null : Reuse(result, expectRegenerated: extraCast, out reasons);
            if (problem is not null)
            {
                Console.Error.WriteLine($"FAIL: {label} of {path}: {problem}");
                ok = false;
            }

            if (i > 0)
            {
                times.Add(ms);
                cpuTimes.Add(cpuMs);
            }
            else
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{label}: first edit {ms:F1} ms (jits the incremental paths; not counted)"));
            }
        }

        times.Sort();
        cpuTimes.Sort();
        double median = times[times.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {times.Count} edits, median {median:F1} ms (min {times[0]:F1}, max {times[^1]:F1}), process CPU median {cpuTimes[cpuTimes.Count / 2]:F1} ms"));
        if (!noStepCheck)
        {
            Console.WriteLine($"  steps of the last edit: {reasons}");
        }

        if (!extraCast && !noStepCheck)
        {
            Console.WriteLine(median < BodyEditTargetMs
                ? $"handler body edit: target < {BodyEditTargetMs} ms met"
                : $"handler body edit: target < {BodyEditTargetMs} ms MISSED");
        }

        return (driver, compilation, ok);
    }

    /// <summary>
    /// Null when the run reused every other grain's work: each tracked output Cached or Unchanged, except (for a
    /// contract edit) the edited grain's. <paramref name="reasons"/> counts the reasons per step.
    /// </summary>
    private static string? Reuse(GeneratorRunResult result, bool expectRegenerated, out string reasons)
    {
        string? problem = null;
        var summary = new List<string>();
        IEnumerable<(string Step, (object Value, IncrementalStepRunReason Reason)[] Outputs)> steps =
            new[] { GrainGeneratorStepNames.GrainModels, GrainGeneratorStepNames.ValidGrains }
                .Select(step => (step, result.TrackedSteps[step].SelectMany(s => s.Outputs).ToArray()))
                .Concat(result.TrackedOutputSteps.OrderBy(p => p.Key, StringComparer.Ordinal)
                    .Select(p => (p.Key, p.Value.SelectMany(s => s.Outputs).ToArray())));
        foreach ((string step, (object Value, IncrementalStepRunReason Reason)[] outputs) in steps)
        {
            summary.Add(step + " " + string.Join("/", outputs.GroupBy(o => o.Reason).OrderBy(g => g.Key).Select(g => $"{g.Count()} {g.Key}")));
            int changed = outputs.Count(o => o.Reason is not (IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged));
            if (!expectRegenerated && changed > 0)
            {
                problem ??= $"{step}: {changed} of {outputs.Length} outputs changed by a body edit";
            }
            else if (changed > 1 && step is GrainGeneratorStepNames.GrainModels or GrainGeneratorStepNames.ValidGrains)
            {
                problem ??= $"{step}: {changed} of {outputs.Length} grain models changed (expected only the edited one)";
            }
        }

        reasons = string.Join("; ", summary);
        return problem;
    }

    private static ImmutableArray<MetadataReference> References()
    {
        string[] platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return platform
            .Where(path => string.Equals(Path.GetDirectoryName(path), frameworkDirectory, StringComparison.Ordinal) && path.EndsWith(".dll", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .Append(MetadataReference.CreateFromFile(typeof(GrainAttribute).Assembly.Location))
            .Append(MetadataReference.CreateFromFile(typeof(TypedGrains.Serialization.MessagePackWriter).Assembly.Location))
            .ToImmutableArray();
    }
}
