using System;
using System.Collections.Generic;

namespace TypedGrains.Benchmarks.Serialization;

/// <summary>The benchmarked value.</summary>
public static class ProfileSamples
{
    /// <summary>A profile with five order lines.</summary>
    public static ProfileState Typical()
    {
        var orders = new List<OrderLine>();
        for (int i = 0; i < 5; i++)
        {
            orders.Add(new OrderLine("SKU-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), i + 1, 9.95 * (i + 1)));
        }

        return new ProfileState(
            new Guid("6f9619ff-8b86-d011-b42d-00c04fc964ff"),
            "Ada Lovelace",
            42,
            1_234_567_890L,
            0.875,
            true,
            new DateTime(2025, 11, 22, 10, 30, 0, DateTimeKind.Utc),
            ProfileStatus.Active,
            new Address("12 Analytical Row", "London", "NW1 6XE"),
            orders,
            "prefers email");
    }
}
