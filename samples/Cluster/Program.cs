using System;
using System.Globalization;
using Samples.Cluster;

// dotnet run --project samples/Cluster [-- --postgres CONNECTION]   the demo: 3 silos, a client, a silo killed
// Cluster silo SILO_PORT GATEWAY_PORT FOLDER CLUSTER_ID [POSTGRES]  one silo (started by the demo and the failover test)
if (args.Length >= 5 && args[0] == "silo")
{
    var settings = new ClusterSettings(args.Length > 5 ? args[5] : null, args[3], args[4]);
    return await SiloProcess.RunAsync(int.Parse(args[1], CultureInfo.InvariantCulture), int.Parse(args[2], CultureInfo.InvariantCulture), settings);
}

var postgres = Array.IndexOf(args, "--postgres") is var at and >= 0 && at + 1 < args.Length ? args[at + 1] : null;
return await Demo.RunAsync(postgres);
