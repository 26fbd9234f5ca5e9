using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace TypedGrains.Compare;

/// <summary>What the figures were measured on, and how loaded the machine was (it is often shared).</summary>
internal sealed record MachineInfo(int Cores, string Runtime, string Os, string LoadAverage)
{
    public static MachineInfo Read() => new(
        Environment.ProcessorCount,
        Environment.Version.ToString(),
        RuntimeInformation.OSDescription,
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown");

    /// <summary>The 1-minute load average, where the system tells it.</summary>
    public static double? LoadAverage1() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var load)
            ? load
            : null;
}
