using System;

namespace TypedGrains.Serialization;

/// <content>The nesting limit, the same on writing as on reading.</content>
public ref partial struct MessagePackWriter
{
    /// <summary>Enters one level of nesting; a formatter calls it after writing the header of a nested value.</summary>
    /// <exception cref="MessagePackSerializationException">
    /// The nesting would exceed <see cref="MaxDepth"/>: a reader with the same limit could not read the value back.
    /// </exception>
    public void IncreaseDepth()
    {
        if (Depth >= MaxDepth)
        {
            throw new MessagePackSerializationException(
                $"The value nests objects/collections deeper than the limit of {MaxDepth}; a reader with that limit could "
                + "not read it back, so it is not written.");
        }

        Depth++;
    }

    /// <summary>Leaves the level of nesting entered by the matching <see cref="IncreaseDepth"/>.</summary>
    public void DecreaseDepth()
    {
        if (Depth == 0)
        {
            throw new InvalidOperationException("DecreaseDepth was called more often than IncreaseDepth.");
        }

        Depth--;
    }
}
