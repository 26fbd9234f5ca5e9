using System;
using System.Threading;
using TypedGrains.Serialization.Formatters;

namespace TypedGrains.Serialization;

/// <summary>
/// The formatter of each type, for code that only knows the type (such as an argument reader). The primitive
/// formatters are registered up front; the generated code registers its formatters when its assembly loads.
/// </summary>
public static class MessagePackFormatters
{
    static MessagePackFormatters()
    {
        Register(BooleanFormatter.Instance);
        Register(ByteFormatter.Instance);
        Register(SByteFormatter.Instance);
        Register(Int16Formatter.Instance);
        Register(UInt16Formatter.Instance);
        Register(Int32Formatter.Instance);
        Register(UInt32Formatter.Instance);
        Register(Int64Formatter.Instance);
        Register(UInt64Formatter.Instance);
        Register(SingleFormatter.Instance);
        Register(DoubleFormatter.Instance);
        Register(StringFormatter.Instance);
        Register(ByteArrayFormatter.Instance);
        Register(GuidFormatter.Instance);
        Register(DateTimeFormatter.Instance);
        Register(DateTimeOffsetFormatter.Instance);
        Register(TimeSpanFormatter.Instance);
        Register(DecimalFormatter.Instance);
    }

    /// <summary>Makes <paramref name="formatter"/> the formatter of <typeparamref name="T"/>, replacing any earlier one.</summary>
    /// <typeparam name="T">The type it formats.</typeparam>
    /// <param name="formatter">The formatter.</param>
    public static void Register<T>(IMessagePackFormatter<T> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        Volatile.Write(ref Cache<T>.Formatter, formatter);
    }

    /// <summary>The formatter of <typeparamref name="T"/>.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <returns>The registered formatter.</returns>
    /// <exception cref="NotSupportedException">No formatter of <typeparamref name="T"/> is registered.</exception>
    public static IMessagePackFormatter<T> Get<T>() =>
        Volatile.Read(ref Cache<T>.Formatter)
        ?? throw new NotSupportedException($"No MessagePack formatter is registered for {typeof(T)}; the generator registers one for every grain state, handler argument and reply type.");

    /// <summary>The formatter of <typeparamref name="T"/>, if one is registered.</summary>
    /// <typeparam name="T">The type.</typeparam>
    /// <param name="formatter">The formatter, or <c>null</c>.</param>
    /// <returns>Whether one is registered.</returns>
    public static bool TryGet<T>(out IMessagePackFormatter<T>? formatter)
    {
        formatter = Volatile.Read(ref Cache<T>.Formatter);
        return formatter is not null;
    }

    private static class Cache<T>
    {
        public static IMessagePackFormatter<T>? Formatter;
    }
}
