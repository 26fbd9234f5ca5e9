using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace TypedGrains.Tests.Shared;

/// <summary>
/// Loopback ports nobody listens on at the time of the call (all held open together, so they are distinct). Linked into
/// the test projects and benchmarks that start Orleans silos.
/// </summary>
public static class FreePorts
{
    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToArray();
        foreach (var listener in listeners)
        {
            listener.Start();
        }

        var ports = listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        foreach (var listener in listeners)
        {
            listener.Stop();
        }

        return ports;
    }
}
