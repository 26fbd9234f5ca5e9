using System;

namespace TypedGrains.Hosting.Tests;

public sealed record TallyState(int Count = 0);

/// <summary>A counter on the default provider.</summary>
[Grain]
public sealed partial class TallyGrain : Grain<TallyState>
{
    [Call] public int Get() => State.Count;

    [Cast]
    public void Increment()
    {
        State = State with { Count = State.Count + 1 };
        SaveState();
    }

    [Call] public int Fail() => throw new InvalidOperationException("failed on purpose");
}

/// <summary>A grain on a named provider that a test may leave unregistered.</summary>
[Grain(Provider = "archive")]
public sealed partial class ArchivedGrain : Grain<TallyState>
{
    [Call] public int Get() => State.Count;
}

/// <summary>A service a grain's constructor takes.</summary>
public interface IGreeter
{
    string Greet(string name);
}

public sealed class PoliteGreeter : IGreeter
{
    public string Greet(string name) => $"Good day, {name}";
}

/// <summary>A grain whose constructor takes a required and an optional service (the generated factory resolves them).</summary>
[Grain]
public sealed partial class GreetingGrain : Grain<TallyState>
{
    private readonly IGreeter _greeter;
    private readonly IFormatProvider? _culture;

    public GreetingGrain(IGreeter greeter, IFormatProvider? culture)
    {
        _greeter = greeter;
        _culture = culture;
    }

    [Call]
    public string Hello(string name)
    {
        State = State with { Count = State.Count + 1 };
        return _greeter.Greet(name) + (_culture is null ? string.Empty : " (localized)");
    }
}

public sealed record ShiftState(int Opened = 0, int Closed = 0);

/// <summary>Counts its deactivations in saved state: a graceful host stop must run the hook and its save.</summary>
[Grain]
public sealed partial class ShiftGrain : Grain<ShiftState>
{
    [Call] public ShiftState Read() => State;

    [Cast]
    public void Open()
    {
        State = State with { Opened = State.Opened + 1 };
        SaveState();
    }

    protected override System.Threading.Tasks.ValueTask OnDeactivateAsync(System.Threading.CancellationToken cancellationToken)
    {
        State = State with { Closed = State.Closed + 1 };
        SaveState();
        return default;
    }
}

/// <summary>A grain whose defaulted constructor parameters have no service: they receive their declared defaults.</summary>
[Grain]
public sealed partial class PatientGrain : Grain<TallyState>
{
    private readonly IGreeter _greeter;
    private readonly int _retries;
    private readonly string _label;

    public PatientGrain(IGreeter greeter, int retries = 3, string label = "patient")
    {
        _greeter = greeter;
        _retries = retries;
        _label = label;
    }

    [Call] public string Describe() => $"{_greeter.Greet(_label)} ({_retries} retries)";
}
