using System;
using System.Collections;
using System.Collections.Generic;

namespace TypedGrains.Generators.Helpers;

/// <summary>
/// An immutable array with value equality, so that pipeline models holding it compare by content and stay cached.
/// </summary>
/// <typeparam name="T">The element type, itself equatable.</typeparam>
internal readonly struct EquatableArray<T> : IEquatable<EquatableArray<T>>, IReadOnlyList<T>
    where T : IEquatable<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/>; the caller must not change the array afterwards.</summary>
    public EquatableArray(T[] items) => _items = items;

    /// <summary>An empty array.</summary>
    public static EquatableArray<T> Empty => new(Array.Empty<T>());

    /// <summary>The number of elements.</summary>
    public int Count => _items?.Length ?? 0;

    /// <summary><c>true</c> when there is no element.</summary>
    public bool IsEmpty => Count == 0;

    /// <summary>The element at <paramref name="index"/>.</summary>
    public T this[int index] => (_items ?? Array.Empty<T>())[index];

    /// <inheritdoc/>
    public bool Equals(EquatableArray<T> other)
    {
        T[] left = _items ?? Array.Empty<T>();
        T[] right = other._items ?? Array.Empty<T>();
        if (left.Length != right.Length)
        {
            return false;
        }

        for (int i = 0; i < left.Length; i++)
        {
            if (!EqualityComparer<T>.Default.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is EquatableArray<T> other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        unchecked
        {
            int hash = 17;
            foreach (T item in _items ?? Array.Empty<T>())
            {
                hash = (hash * 31) + (item is null ? 0 : item.GetHashCode());
            }

            return hash;
        }
    }

    /// <summary>Enumerates the elements without boxing.</summary>
    public Enumerator GetEnumerator() => new(_items ?? Array.Empty<T>());

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? Array.Empty<T>())).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? Array.Empty<T>()).GetEnumerator();

    /// <summary>Compares two arrays by content.</summary>
    public static bool operator ==(EquatableArray<T> left, EquatableArray<T> right) => left.Equals(right);

    /// <summary>Compares two arrays by content.</summary>
    public static bool operator !=(EquatableArray<T> left, EquatableArray<T> right) => !left.Equals(right);

    /// <summary>Enumerator over an <see cref="EquatableArray{T}"/>.</summary>
    public struct Enumerator
    {
        private readonly T[] _items;
        private int _index;

        internal Enumerator(T[] items)
        {
            _items = items;
            _index = -1;
        }

        /// <summary>The current element.</summary>
        public readonly T Current => _items[_index];

        /// <summary>Advances to the next element.</summary>
        public bool MoveNext() => ++_index < _items.Length;
    }
}

/// <summary>Creates <see cref="EquatableArray{T}"/> values.</summary>
internal static class EquatableArray
{
    /// <summary>Copies <paramref name="items"/> into an equatable array.</summary>
    public static EquatableArray<T> From<T>(IEnumerable<T> items)
        where T : IEquatable<T> => new(new List<T>(items).ToArray());
}
