namespace TypedGrains.Compare.Workloads;

/// <summary>One measured number of a workload, with its unit and whether larger is better.</summary>
internal sealed record Figure(string Name, double Value, string Unit, bool HigherIsBetter);
