using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using TypedGrains.Generators;

namespace TypedGrains.CompileTime;

/// <summary>
/// Times the grain generator's full run (every grain parsed and emitted) on a fresh driver and a fresh clone of the
/// compilation each time, so the compiler's binding that the generator starts is paid again, as in a build. The first
/// runs of each series (jit, tiering) are not counted.
/// </summary>
internal static class FullRunMeasurement
{
    /// <summary>The full-build target: under this many milliseconds for the generator's run (issue 14).</summary>
    private const double FullRunTargetMs = 1000;

    /// <summary>Runs not counted before each series: the first jits the generator, the next let tiering settle.</summary>
    private const int Warmups = 3;

    public static int Run(int count, int runs)
    {
        Compilation compilation = IncrementalMeasurement.CreateCompilation(count);
        foreach (bool tracked in new[] { true, false })
        {
            var wall = new double[runs];
            var cpu = new double[runs];
            for (int i = -Warmups; i < runs; i++)
            {
                GeneratorDriver driver = IncrementalMeasurement.CreateDriver(new GrainGenerator(), tracked);
                Compilation clone = compilation.Clone();
                TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                driver = driver.RunGenerators(clone);
                double wallMs = clock.Elapsed.TotalMilliseconds;
                double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds;
                if (driver.GetRunResult().Results.Single().Exception is { } exception)
                {
                    Console.Error.WriteLine($"FAIL: the generator threw: {exception}");
                    return 1;
                }

                if (i >= 0)
                {
                    wall[i] = wallMs;
                    cpu[i] = cpuMs;
                }
            }

            Array.Sort(wall);
            Array.Sort(cpu);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"full run, {count} grains, step tracking {(tracked ? "on" : "off")}, {runs} runs: wall median {wall[runs / 2]:F0} ms (min {wall[0]:F0}), CPU median {cpu[runs / 2]:F0} ms (min {cpu[0]:F0}){(wall[runs / 2] < FullRunTargetMs ? "" : " MISSED")}"));
        }

        return 0;
    }
}
