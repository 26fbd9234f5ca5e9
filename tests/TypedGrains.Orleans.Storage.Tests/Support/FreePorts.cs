using System.Linq;
using System.Net;
using System.Net.Sockets;

namespace TypedGrains.Orleans.Storage.Tests.Support;

/// <summary>Loopback ports nobody listens on at the time of the call (all held open together, so they are distinct).</summary>
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
