using System;

namespace TypedGrains.Orleans;

/// <summary>
/// A grain's handler failed on another silo with an exception that cannot be rebuilt as its own type here: this one
/// carries its type name, message and stack trace.
/// </summary>
public sealed class RemoteGrainException : Exception
{
    /// <summary>The <see cref="Exception.Data"/> key of the remote stack trace (on rebuilt exceptions too).</summary>
    public const string RemoteStackTraceKey = "TypedGrains.RemoteStackTrace";

    /// <summary>The <see cref="Exception.Data"/> key of the grain whose handler failed.</summary>
    public const string GrainKey = "TypedGrains.Grain";

    /// <summary>Creates the exception.</summary>
    /// <param name="typeName">The full name of the remote exception's type.</param>
    /// <param name="message">The remote exception's message.</param>
    public RemoteGrainException(string typeName, string message)
        : base($"{typeName}: {message}")
    {
        TypeName = typeName;
        RemoteMessage = message;
    }

    /// <summary>The full name of the remote exception's type.</summary>
    public string TypeName { get; }

    /// <summary>The remote exception's own message.</summary>
    public string RemoteMessage { get; }

    /// <summary>The stack trace of the remote exception, as text.</summary>
    public string RemoteStackTrace => Data[RemoteStackTraceKey] as string ?? string.Empty;
}
