using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TypedGrains.Serialization.Tests.Generated;

/// <summary>Sample values of the generated-formatter test types.</summary>
public static class SampleValues
{
    public static readonly Guid OrderId = new("0f8fad5b-d9cb-469f-a165-70867728950e");

    public static OrderState EmptyOrder() => new(
        Guid.Empty, string.Empty, [], [], default, default, default, 0m, null, null, [], [], [], ImmutableDictionary<string, Product>.Empty,
        Priority.Low, Wide.None, Tiny.Zero, default, null, default, false, 0, 0, 0, 0, 0, 0, 0, 0);

    public static OrderState Order(CounterRef buddy) => new(
        OrderId,
        "Zoë & co",
        [new OrderLine(new Product("sku-1", "Widget", 9.99m), 3, Priority.High), new OrderLine(new Product("sku-2", "Gadget", -0.5m), 1)],
        new Dictionary<string, int> { ["a"] = 1, ["b"] = -2 },
        new DateTime(2024, 2, 29, 12, 30, 15, DateTimeKind.Utc).AddTicks(1234567),
        new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)),
        TimeSpan.FromMinutes(90),
        123456789.0123m,
        15,
        [1, 2, 3],
        [long.MinValue, 0, long.MaxValue],
        ["x", "y"],
        [7, 8, 9],
        ImmutableDictionary<string, Product>.Empty.Add("p", new Product("sku-3", "Thing", 1m)),
        Priority.Normal,
        Wide.Top,
        Tiny.Max,
        buddy,
        buddy,
        new Caller<int>(new CallerId(42)),
        true,
        Math.PI,
        1.5f,
        sbyte.MinValue,
        byte.MaxValue,
        short.MinValue,
        ushort.MaxValue,
        uint.MaxValue,
        ulong.MaxValue,
        "note");

    public static WarehouseState EmptyWarehouse() => new(
        new Account(string.Empty, 0) { Stock = new Inventory() },
        new TreeNode("root", []),
        [],
        [],
        []);

    public static WarehouseState Warehouse()
    {
        var root = new TreeNode("root", [new TreeNode("a", [new TreeNode("a1", [])]), new TreeNode("b", [])]);
        var stock = new Inventory { Warehouse = "north", Items = ["bolt", "nut"], Version = 3 };
        return new WarehouseState(
            new Account("ann", -5) { Location = new Point { X = 1, Y = -2 }, Stock = stock },
            root,
            new Dictionary<Guid, List<Point>> { [OrderId] = [new Point { X = 3, Y = 4 }] },
            [new Point { X = 5, Y = 6 }, null],
            [[1, 2], [], [3]]);
    }
}
