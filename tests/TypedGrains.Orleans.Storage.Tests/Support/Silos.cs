using System;
using System.Net;
using System.Threading;
using Orleans;
using Orleans.Runtime;

namespace TypedGrains.Orleans.Storage.Tests.Support;

/// <summary>Membership entries for tests: distinct silo addresses on loopback, times at whole seconds.</summary>
public static class Silos
{
    private static int _generation = Environment.ProcessId * 1000;

    public static SiloAddress NewAddress(int port = 12345) =>
        SiloAddress.New(IPAddress.Loopback, port, Interlocked.Increment(ref _generation));

    public static MembershipEntry NewEntry(SiloStatus status = SiloStatus.Joining, int proxyPort = 30000, DateTime? time = null)
    {
        var now = time ?? WholeSeconds(DateTime.UtcNow);
        return new MembershipEntry
        {
            SiloAddress = NewAddress(),
            Status = status,
            ProxyPort = proxyPort,
            HostName = "host-" + Guid.NewGuid().ToString("N")[..6],
            SiloName = "silo",
            RoleName = "role",
            UpdateZone = 3,
            FaultZone = 4,
            StartTime = now,
            IAmAliveTime = now,
        };
    }

    public static DateTime WholeSeconds(DateTime time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
}
