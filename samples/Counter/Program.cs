using System;
using System.IO;
using Samples.Counter;
using TypedGrains.Persistence.Sqlite;
using TypedGrains.Runtime;

// State lives in a SQLite file next to the app, so every run continues from the previous run's count.
var databasePath = Path.Combine(AppContext.BaseDirectory, "data", "counter.db");
await using var storage = new SqliteGrainStateProvider(databasePath);
using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage }.AddGrain<Counter>());

var counter = grains.Counter("c-1");   // a typed reference: never fails, no I/O
for (var i = 0; i < 5; i++)
{
    counter.Increment();               // one-way cast; its turn saves the state
}

int n = await counter.Get();           // a call: runs after the casts (and their saves), in order
Console.WriteLine($"Counter {counter.Id} = {n}");
Console.WriteLine($"(stored in {databasePath})");
