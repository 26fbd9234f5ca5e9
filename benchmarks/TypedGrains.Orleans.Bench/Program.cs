using System;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Hosting;
using TypedGrains.Orleans.Bench;
using TypedGrains.Orleans.Hosting;
using TypedGrains.Tests.Shared;

// dotnet run -c Release --project benchmarks/TypedGrains.Orleans.Bench [-- SECONDS]
// One silo in this process; sequential awaited calls of an int echo, native Orleans grain against the same grain in
// TypedGrains through Orleans, inside the silo and from a client over loopback. Rounds alternate; medians of 3.
var seconds = args.Length > 0 ? double.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 3;
var ports = FreePorts.Take(2);

var siloBuilder = Host.CreateApplicationBuilder();
siloBuilder.Logging.ClearProviders();
siloBuilder.UseOrleans(silo => silo.UseLocalhostClustering(ports[0], ports[1]).AddTypedGrains());
using var silo = siloBuilder.Build();
await silo.StartAsync();

var clientBuilder = Host.CreateApplicationBuilder();
clientBuilder.Logging.ClearProviders();
clientBuilder.UseOrleansClient(client => client.UseLocalhostClustering(ports[1]).AddTypedGrains());
using var client = clientBuilder.Build();
await client.StartAsync();

Console.WriteLine($"TypedGrains.Orleans.Bench: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {seconds} s per measurement, medians of 3 alternating rounds");
foreach (var (place, services) in new[] { ("in the silo", silo.Services), ("client -> silo (loopback)", client.Services) })
{
    var orleans = services.GetRequiredService<Orleans.IGrainFactory>();
    var typed = services.GetRequiredService<TypedGrains.IGrainFactory>();
    var native = orleans.GetGrain<INativeEcho>(1);
    var echo = typed.TypedEcho(1);
    Func<int, Task<int>> nativeCall = i => native.Echo(i);
    Func<int, Task<int>> typedCall = i => echo.Echo(i).AsTask();
    await Measure(nativeCall, 1);
    await Measure(typedCall, 1);
    var nativeRates = new double[3];
    var typedRates = new double[3];
    for (var round = 0; round < 3; round++)
    {
        nativeRates[round] = await Measure(nativeCall, seconds);
        typedRates[round] = await Measure(typedCall, seconds);
    }

    var nativeMedian = nativeRates.Order().ElementAt(1);
    var typedMedian = typedRates.Order().ElementAt(1);
    Console.WriteLine($"  {place,-26} native Orleans {nativeMedian,10:N0} calls/s   TypedGrains {typedMedian,10:N0} calls/s   " +
        $"TypedGrains adds {(nativeMedian / typedMedian - 1) * 100:F0}% per call   (rounds: native {string.Join("/", nativeRates.Select(r => r.ToString("N0")))}, typed {string.Join("/", typedRates.Select(r => r.ToString("N0")))})");
}

await client.StopAsync();
await silo.StopAsync();
return 0;

static async Task<double> Measure(Func<int, Task<int>> call, double seconds)
{
    var clock = Stopwatch.StartNew();
    var calls = 0;
    while (clock.Elapsed.TotalSeconds < seconds)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await call(i) != i)
            {
                throw new InvalidOperationException("The echo answered another value.");
            }
        }

        calls += 100;
    }

    return calls / clock.Elapsed.TotalSeconds;
}
