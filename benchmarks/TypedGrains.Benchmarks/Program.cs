using BenchmarkDotNet.Running;

namespace TypedGrains.Benchmarks;

/// <summary>Runs the BenchmarkDotNet suites of this assembly (pick with <c>--filter</c>).</summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
