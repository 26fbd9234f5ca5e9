using System;
using System.Net;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;
using Orleans.Hosting;

namespace Samples.Cluster;

/// <summary>One silo of the sample cluster, as a process of its own: <c>Cluster silo PORT GATEWAY FOLDER CLUSTER_ID [POSTGRES]</c>.</summary>
internal static class SiloProcess
{
    public static async Task<int> RunAsync(int siloPort, int gatewayPort, ClusterSettings settings)
    {
        var builder = Host.CreateApplicationBuilder();
        // Warnings and errors go to stderr, which SiloLauncher keeps in a file and quotes for a silo that fails to start.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.UseOrleans(silo =>
        {
            silo.Configure<EndpointOptions>(o =>
            {
                o.AdvertisedIPAddress = IPAddress.Loopback;
                o.SiloPort = siloPort;
                o.GatewayPort = gatewayPort;
                o.SiloListeningEndpoint = new IPEndPoint(IPAddress.Loopback, siloPort);
                o.GatewayListeningEndpoint = new IPEndPoint(IPAddress.Loopback, gatewayPort);
            });
            settings.ConfigureSilo(silo);
        });
        using var host = builder.Build();
        await host.StartAsync();
        Console.WriteLine($"silo ready pid={Environment.ProcessId} port={siloPort} gateway={gatewayPort}");
        await host.WaitForShutdownAsync();
        return 0;
    }
}
