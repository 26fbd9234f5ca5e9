using System;
using System.Linq;
using System.Threading.Tasks;
using Samples.Barrier;
using TypedGrains.Runtime;

using var grains = new InProcessRuntime();

const int Parties = 4;
var barrier = grains.Barrier("start-line");
await barrier.Open(Parties);

var runners = Enumerable.Range(1, Parties).Select(async runner =>
{
    Console.WriteLine($"runner {runner} waits at the barrier");
    var round = await barrier.Arrive();   // answered in the turn of the last arrival
    Console.WriteLine($"runner {runner} released in round {round}");
    return round;
});

var rounds = await Task.WhenAll(runners);
Console.WriteLine($"all {rounds.Length} runners released together in round {rounds.Distinct().Single()}");
