using System;

namespace TypedGrains.Serialization;

/// <summary>
/// The one exception thrown for input that is not valid MessagePack or does not fit what was asked of it:
/// truncated data, the reserved code 0xc1, a value of another type than the one read, integer overflow,
/// a length prefix larger than the remaining input, nesting deeper than the reader's limit, invalid UTF-8
/// and invalid timestamps.
/// </summary>
public sealed class MessagePackSerializationException : Exception
{
    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What was wrong.</param>
    public MessagePackSerializationException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="innerException">The cause.</param>
    public MessagePackSerializationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a fault at a position of the input.</summary>
    /// <param name="message">What was wrong.</param>
    /// <param name="offset">The offset from the start of the reader's input of the value at fault.</param>
    public MessagePackSerializationException(string message, long offset)
        : base(message)
    {
        Offset = offset;
    }

    /// <summary>The offset from the start of the reader's input of the value at fault, when known.</summary>
    public long? Offset { get; }
}
