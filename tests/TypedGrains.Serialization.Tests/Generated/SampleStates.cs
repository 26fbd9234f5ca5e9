using System;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace TypedGrains.Serialization.Tests.Generated;

public enum Priority
{
    Low,
    Normal,
    High,
}

public enum Wide : ulong
{
    None = 0,
    Top = ulong.MaxValue,
}

public enum Tiny : byte
{
    Zero = 0,
    Max = 255,
}

public sealed record Product(string Sku, string Name, decimal Price);

public sealed record OrderLine(Product Product, int Quantity, Priority Priority = Priority.Normal);

/// <summary>A state of every supported member shape.</summary>
public sealed record OrderState(
    Guid Id,
    string Customer,
    List<OrderLine> Lines,
    Dictionary<string, int> Counters,
    DateTime Created,
    DateTimeOffset Updated,
    TimeSpan Ttl,
    decimal Total,
    int? Discount,
    byte[]? Attachment,
    long[] Numbers,
    ImmutableArray<string> Tags,
    ImmutableList<int> Scores,
    ImmutableDictionary<string, Product> Catalog,
    Priority Priority,
    Wide Wide,
    Tiny Tiny,
    CounterRef Buddy,
    CounterRef? MaybeBuddy,
    Caller<int> Pending,
    bool Flag,
    double Ratio,
    float Small,
    sbyte S8,
    byte U8,
    short S16,
    ushort U16,
    uint U32,
    ulong U64,
    string? Note = null);

/// <summary>A mutable class: settable properties and a public field.</summary>
public sealed class Inventory
{
    public string Warehouse { get; set; } = "main";

    public List<string> Items { get; set; } = new();

    public int Version;

    public int Computed => Items.Count;
}

/// <summary>A struct with init-only properties.</summary>
public readonly struct Point
{
    public int X { get; init; }

    public int Y { get; init; }
}

/// <summary>A class with a constructor and a settable member.</summary>
public sealed class Account
{
    public Account(string owner, long balance)
    {
        Owner = owner;
        Balance = balance;
    }

    public string Owner { get; }

    public long Balance { get; }

    public Point Location { get; set; }

    public required Inventory Stock { get; init; }
}

/// <summary>A recursive type.</summary>
public sealed record TreeNode(string Label, List<TreeNode> Children, TreeNode? Parent = null);

/// <summary>The state of <see cref="Warehouse"/>: nested classes, structs, recursion and dictionaries of lists.</summary>
public sealed record WarehouseState(
    Account Account,
    TreeNode Root,
    Dictionary<Guid, List<Point>> Routes,
    Point?[] Marks,
    List<List<int>> Matrix);

/// <summary>Version 1 of a state (declaration order).</summary>
public sealed record ProfileV1(string Name, int Age);

/// <summary>Version 2: a member appended with a default.</summary>
public sealed record ProfileV2(string Name, int Age, string Email = "none", List<string>? Tags = null);

/// <summary>Version 1 of a keyed state.</summary>
public sealed record KeyedV1([property: Key(0)] string A, [property: Key(1)] int B, [property: Key(2)] string C);

/// <summary>Version 2: B removed (its key left unused), D added.</summary>
public sealed record KeyedV2([property: Key(0)] string A, [property: Key(2)] string C, [property: Key(3)] int D = 7);

/// <summary>A state that grew body members with initializers: init-only, settable, and one required.</summary>
public sealed record Subscriber(string Name)
{
    public string? Email { get; init; } = "none";

    public int Version { get; set; } = 5;

    public required int Tier { get; init; }

    public Priority Level { get; init; } = Priority.High;
}

/// <summary>A class (not a record) whose init-only and settable members have initializers.</summary>
public sealed class Mailbox
{
    public string Owner { get; init; } = "nobody";

    public int Limit { get; init; } = 100;

    public int Used { get; set; } = 3;
}
