using System;
using TypedGrains.Compare;

// dotnet run -c Release --project benchmarks/TypedGrains.Compare -- [--quick] [--json FILE] [--runs N]
//     [--only WORKLOAD[,WORKLOAD]] [--impl NAME[,NAME]]
// The parent runs each (workload, implementation) pair in a child process of this program (hidden --child mode).
var options = Options.Parse(args, out var error);
if (options is null)
{
    Console.Error.WriteLine(error);
    return 2;
}

return options.Child ? await ChildRun.RunAsync(options) : await ParentRun.RunAsync(options);
