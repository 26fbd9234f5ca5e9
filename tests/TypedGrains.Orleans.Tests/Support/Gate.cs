using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Orleans.Tests.Support;

/// <summary>
/// Holds the handlers that pass it until the test opens it, and counts how many were inside at once. Found by key, so a
/// handler on a silo of the test process reaches the gate its test registered.
/// </summary>
public sealed class Gate
{
    private static readonly ConcurrentDictionary<string, Gate> s_gates = new();

    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _entries;
    private int _inside;
    private int _maxInside;

    private Gate()
    {
    }

    /// <summary>Completes when the first handler has entered.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Handlers that entered so far.</summary>
    public int Entries => Volatile.Read(ref _entries);

    /// <summary>The most handlers that were inside at once.</summary>
    public int MaxInside => Volatile.Read(ref _maxInside);

    /// <summary>Creates the gate of <paramref name="key"/>.</summary>
    public static Gate Register(string key) =>
        s_gates.TryAdd(key, new Gate()) ? s_gates[key] : throw new InvalidOperationException($"A gate is already registered for '{key}'.");

    /// <summary>The gate registered for <paramref name="key"/>.</summary>
    public static Gate For(string key) => s_gates[key];

    /// <summary>Lets every held and later handler through.</summary>
    public void Open() => _open.TrySetResult();

    /// <summary>Enters, waits until the gate is open, and leaves.</summary>
    public async Task PassAsync()
    {
        var inside = Interlocked.Increment(ref _inside);
        int max;
        while (inside > (max = Volatile.Read(ref _maxInside)) && Interlocked.CompareExchange(ref _maxInside, inside, max) != max)
        {
        }

        Interlocked.Increment(ref _entries);
        _entered.TrySetResult();
        try
        {
            await _open.Task.ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
        }
    }
}
