using System;
using Samples.Counter;
using TypedGrains.Runtime;

using var grains = new InProcessRuntime();

var counter = grains.Counter("c-1");   // a typed reference: never fails, no I/O
for (var i = 0; i < 5; i++)
{
    counter.Increment();               // one-way cast
}

int n = await counter.Get();           // a call: runs after the casts, in order
Console.WriteLine($"Counter {counter.Id} = {n}");
