using BenchmarkDotNet.Running;

// dotnet run -c Release --project benchmarks/TypedGrains.Runtime.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(TypedGrains.Runtime.Benchmarks.LocalMessageBenchmarks).Assembly).Run(args);
