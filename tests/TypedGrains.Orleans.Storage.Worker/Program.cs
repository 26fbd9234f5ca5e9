using System;
using System.Linq;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;
using TypedGrains.Orleans.Storage;
using TypedGrains.Orleans.Storage.Hosting;

// One silo's writes from its own process: for each round, an I-am-alive write and a read-compare-and-set update of
// its row that retries until it wins. Usage: <database> <cluster id> <silo address> <rounds>. Prints "ready", waits
// for a line on stdin (so that the processes of a test start together), prints "done <lost races>".
var (database, clusterId, silo, rounds) = (args[0], args[1], SiloAddress.FromParsableString(args[2]), int.Parse(args[3]));
await using var table = TableFactory.SqliteMembership(new SqliteClusteringOptions { DatabasePath = database }, clusterId);
await table.InitializeMembershipTableAsync(tryInitTableVersion: true, default);
// Warm up (connection pool, JIT) so both processes really write at the same time after the go.
var warm = await table.ReadRowAsync(silo, default);
await table.UpdateRowAsync(warm.Members.Single().Item1, "not-the-etag", warm.Version.Next(), default);
Console.WriteLine("ready");
Console.ReadLine();

var lost = 0;
for (var round = 1; round <= rounds; round++)
{
    await table.UpdateIAmAliveAsync(new MembershipEntry { SiloAddress = silo, IAmAliveTime = new DateTime(round, DateTimeKind.Utc) }, default);
    while (true)
    {
        var data = await table.ReadRowAsync(silo, default);
        var (entry, etag) = data.Members.Single();
        entry.UpdateZone++;
        if (await table.UpdateRowAsync(entry, etag, data.Version.Next(), default))
        {
            break;
        }

        lost++;
    }
}

Console.WriteLine("done " + lost);
return 0;
