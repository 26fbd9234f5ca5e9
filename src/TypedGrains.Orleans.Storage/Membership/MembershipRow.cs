using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Orleans;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage.Stores;

namespace TypedGrains.Orleans.Storage.Membership;

/// <summary>
/// One <see cref="MembershipEntry"/> as the columns of <c>typedgrains_membership</c>: the silo address in Orleans'
/// parsable form (<c>ip:port@generation</c>), the status as its number, times as UTC ticks, and the suspicions as text
/// (<c>address|ticks</c> items separated by commas;
/// NULL when the entry has no list, so an empty list and none stay apart).
/// </summary>
internal static class MembershipRow
{
    /// <summary>The entry columns, in the order <see cref="Read"/> expects them, followed by <c>etag</c>.</summary>
    public const string Columns =
        "silo_address, status, proxy_port, host_name, silo_name, role_name, update_zone, fault_zone, " +
        "start_time, iamalive_time, suspect_times, etag";

    /// <summary>Adds the entry's columns as parameters named after them (<c>@status</c>, ...), and <c>@last_suspect_time</c>.</summary>
    public static DbCommand WithEntry(this DbCommand command, MembershipEntry entry)
    {
        var suspicions = entry.SuspectTimes ?? (IReadOnlyList<Tuple<SiloAddress, DateTime>>)Array.Empty<Tuple<SiloAddress, DateTime>>();
        long lastSuspicion = 0;
        foreach (var suspicion in suspicions)
        {
            lastSuspicion = Math.Max(lastSuspicion, UtcTicks.From(suspicion.Item2));
        }

        return command
            .With("@silo_address", entry.SiloAddress.ToParsableString())
            .With("@status", (int)entry.Status)
            .With("@proxy_port", entry.ProxyPort)
            .With("@host_name", entry.HostName ?? string.Empty)
            .With("@silo_name", entry.SiloName ?? string.Empty)
            .With("@role_name", entry.RoleName)
            .With("@update_zone", entry.UpdateZone)
            .With("@fault_zone", entry.FaultZone)
            .With("@start_time", UtcTicks.From(entry.StartTime))
            .With("@iamalive_time", UtcTicks.From(entry.IAmAliveTime))
            .With("@suspect_times", entry.SuspectTimes is null ? null : FormatSuspicions(suspicions))
            .With("@last_suspect_time", lastSuspicion);
    }

    /// <summary>Reads the entry and its ETag from a row selected with <see cref="Columns"/>.</summary>
    public static Tuple<MembershipEntry, string> Read(DbDataReader reader)
    {
        var entry = new MembershipEntry
        {
            SiloAddress = SiloAddress.FromParsableString(reader.GetString(0)),
            Status = (SiloStatus)reader.GetInt32(1),
            ProxyPort = reader.GetInt32(2),
            HostName = reader.GetString(3),
            SiloName = reader.GetString(4),
            RoleName = reader.IsDBNull(5) ? null : reader.GetString(5),
            UpdateZone = reader.GetInt32(6),
            FaultZone = reader.GetInt32(7),
            StartTime = UtcTicks.ToDateTime(reader.GetInt64(8)),
            IAmAliveTime = UtcTicks.ToDateTime(reader.GetInt64(9)),
            SuspectTimes = reader.IsDBNull(10) ? null : ParseSuspicions(reader.GetString(10)),
        };
        return Tuple.Create(entry, reader.GetString(11));
    }

    private static string FormatSuspicions(IReadOnlyList<Tuple<SiloAddress, DateTime>> suspicions)
    {
        var text = new StringBuilder();
        foreach (var (suspecter, time) in suspicions)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(suspecter.ToParsableString()).Append('|').Append(UtcTicks.From(time).ToString(CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    private static List<Tuple<SiloAddress, DateTime>> ParseSuspicions(string text)
    {
        var suspicions = new List<Tuple<SiloAddress, DateTime>>();
        if (text.Length == 0)
        {
            return suspicions;
        }

        foreach (var item in text.Split(','))
        {
            var bar = item.LastIndexOf('|');
            suspicions.Add(Tuple.Create(
                SiloAddress.FromParsableString(item[..bar]),
                UtcTicks.ToDateTime(long.Parse(item.AsSpan(bar + 1), NumberStyles.Integer, CultureInfo.InvariantCulture))));
        }

        return suspicions;
    }
}
