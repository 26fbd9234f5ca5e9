using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace TypedGrains.Runtime.Tests.Support;

/// <summary>
/// Holds handlers until a test opens it, and counts how many are inside at once: handlers of the grain key the gate
/// is registered under call <see cref="PassAsync"/>.
/// </summary>
public sealed class TurnGate
{
    private static readonly ConcurrentDictionary<string, TurnGate> s_gates = new();

    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly int _awaitedEntries;
    private int _entries;
    private int _inside;
    private int _maxInside;

    private TurnGate(int awaitedEntries) => _awaitedEntries = awaitedEntries;

    /// <summary>Completes when <c>awaitedEntries</c> handlers have entered the gate.</summary>
    public Task Entered => _entered.Task;

    /// <summary>Handlers inside the gate now.</summary>
    public int Inside => Volatile.Read(ref _inside);

    /// <summary>The most handlers that were inside the gate at once.</summary>
    public int MaxInside => Volatile.Read(ref _maxInside);

    /// <summary>Handlers that entered so far.</summary>
    public int Entries => Volatile.Read(ref _entries);

    /// <summary>Creates the gate of grain key <paramref name="key"/>; <see cref="Entered"/> waits for <paramref name="awaitedEntries"/>.</summary>
    public static TurnGate Register(string key, int awaitedEntries)
    {
        var gate = new TurnGate(awaitedEntries);
        if (!s_gates.TryAdd(key, gate))
        {
            throw new InvalidOperationException($"A gate is already registered for '{key}'.");
        }

        return gate;
    }

    /// <summary>The gate registered for <paramref name="key"/>.</summary>
    public static TurnGate For(string key) => s_gates[key];

    /// <summary>Lets every held and later handler through.</summary>
    public void Open() => _open.TrySetResult();

    /// <summary>Enters, waits until the gate is open, and leaves.</summary>
    public async Task PassAsync()
    {
        var inside = Interlocked.Increment(ref _inside);
        var max = Volatile.Read(ref _maxInside);
        while (inside > max)
        {
            var seen = Interlocked.CompareExchange(ref _maxInside, inside, max);
            if (seen == max)
            {
                break;
            }

            max = seen;
        }

        if (Interlocked.Increment(ref _entries) == _awaitedEntries)
        {
            _entered.TrySetResult();
        }

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
