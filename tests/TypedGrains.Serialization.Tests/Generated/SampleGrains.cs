using System;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace TypedGrains.Serialization.Tests.Generated;

/// <summary>A grain other states refer to.</summary>
[Grain]
public sealed partial class Counter : Grain<CounterState>
{
    [Call]
    public int Get() => State.Count;

    [Cast]
    public void Add(int amount) => State = State with { Count = State.Count + amount };
}

/// <summary>The state of <see cref="Counter"/>.</summary>
public sealed record CounterState(int Count = 0);

/// <summary>A grain with a rich state and handlers of every argument shape.</summary>
[Grain(Key = GrainKeyKind.Guid)]
public sealed partial class Order : Grain<OrderState>
{
    protected override OrderState InitialState => SampleValues.EmptyOrder();

    [Call]
    public OrderLine? AddLine(Product product, int quantity, Priority priority, List<string> tags, CounterRef notify)
    {
        var line = new OrderLine(product, quantity, priority);
        State = State with { Lines = [.. State.Lines, line] };
        return line;
    }

    [Call]
    public Task<Dictionary<string, int>> Counters() => Task.FromResult(State.Counters);

    [Call]
    public void Rename(string customer, DateTimeOffset when, Guid? by) => State = State with { Customer = customer, Updated = when };

    [Call]
    public void Wait(Caller<int> caller, TimeSpan timeout) => State = State with { Pending = caller, Ttl = timeout };

    [Cast]
    public void Touch() => SaveState();
}

/// <summary>A grain with classes, structs and recursion in its state.</summary>
[Grain(Key = GrainKeyKind.Long)]
public sealed partial class Warehouse : Grain<WarehouseState>
{
    protected override WarehouseState InitialState => SampleValues.EmptyWarehouse();

    [Call]
    public int Depth(TreeNode node) => node.Children.Count;
}

/// <summary>A grain whose handler takes the versioned sample types, so that they get formatters.</summary>
[Grain]
public sealed partial class Profiles : Grain<ProfileV2>
{
    protected override ProfileV2 InitialState => new(string.Empty, 0);

    [Call]
    public KeyedV2 Store(ProfileV1 v1, KeyedV1 k1) => new(k1.A, k1.C);

    [Call]
    public Mailbox Subscribe(Subscriber subscriber) => new() { Owner = subscriber.Name };
}
