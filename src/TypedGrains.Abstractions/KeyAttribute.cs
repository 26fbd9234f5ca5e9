using System;

namespace TypedGrains;

/// <summary>
/// Fixes the position of a member in the MessagePack array its type is stored as. Either every serialized member of a
/// type carries one, or none does (then members are numbered in declaration order). Keys of removed members must not
/// be reused. See <c>docs/serialization.md</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field | AttributeTargets.Parameter, AllowMultiple = false, Inherited = true)]
public sealed class KeyAttribute : Attribute
{
    /// <summary>Gives the member the array index <paramref name="index"/>.</summary>
    /// <param name="index">The array index, from 0 to <see cref="MaxIndex"/>.</param>
    public KeyAttribute(int index) => Index = index;

    /// <summary>The largest index allowed, which bounds the array a type is written as.</summary>
    public const int MaxIndex = 255;

    /// <summary>The array index of the member.</summary>
    public int Index { get; }
}
