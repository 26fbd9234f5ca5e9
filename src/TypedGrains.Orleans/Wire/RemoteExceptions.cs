using System;
using System.Collections.Generic;

namespace TypedGrains.Orleans.Wire;

/// <summary>
/// Rebuilds a handler's exception on the caller's side. The common framework exceptions and
/// <see cref="GrainDeactivatedException"/> (a deferred caller whose grain ended) come back as their own type with the
/// remote message (the remote stack trace is in <see cref="Exception.Data"/> under
/// <see cref="RemoteGrainException.RemoteStackTraceKey"/>); any other type, TypedGrains' storage exceptions included,
/// comes back as a <see cref="RemoteGrainException"/> that names it. No reflection: the known types are listed here.
/// </summary>
internal static class RemoteExceptions
{
    private static readonly Dictionary<string, Func<string, Exception>> s_known = new(StringComparer.Ordinal)
    {
        [typeof(InvalidOperationException).FullName!] = message => new InvalidOperationException(message),
        [typeof(ArgumentException).FullName!] = message => new ArgumentException(message),
        [typeof(ArgumentNullException).FullName!] = message => new ArgumentNullException(null, message),
        [typeof(ArgumentOutOfRangeException).FullName!] = message => new ArgumentOutOfRangeException(null, message),
        [typeof(NotSupportedException).FullName!] = message => new NotSupportedException(message),
        [typeof(NotImplementedException).FullName!] = message => new NotImplementedException(message),
        [typeof(KeyNotFoundException).FullName!] = message => new KeyNotFoundException(message),
        [typeof(FormatException).FullName!] = message => new FormatException(message),
        [typeof(TimeoutException).FullName!] = message => new TimeoutException(message),
        [typeof(OperationCanceledException).FullName!] = message => new OperationCanceledException(message),
    };

    public static Exception Rebuild(GrainId grain, string type, string message, string stack)
    {
        var error = s_known.TryGetValue(type, out var create) ? create(message)
            : Deactivated(grain, type, message) ?? new RemoteGrainException(type, message);
        error.Data[RemoteGrainException.RemoteStackTraceKey] = stack;
        error.Data[RemoteGrainException.GrainKey] = grain.ToString();
        return error;
    }

    /// <summary>The called grain's own <see cref="GrainDeactivatedException"/>; one naming another grain stays remote.</summary>
    private static Exception? Deactivated(GrainId grain, string type, string message)
    {
        if (type != typeof(GrainDeactivatedException).FullName)
        {
            return null;
        }

        var rebuilt = new GrainDeactivatedException(grain);
        return rebuilt.Message == message ? rebuilt : null;
    }
}
