using System;
using System.Threading.Tasks;
using Xunit;

namespace TypedGrains.Orleans.Tests.Suite;

/// <summary>Assertions that hold on every backend.</summary>
internal static class Backend
{
    /// <summary>
    /// The call fails with <typeparamref name="T"/>: the exception itself in process; across Orleans the rebuilt one,
    /// or a <see cref="RemoteGrainException"/> naming <typeparamref name="T"/> for types that are not rebuilt.
    /// </summary>
    public static async Task<Exception> Fails<T>(Func<Task> call)
        where T : Exception
    {
        var error = await Assert.ThrowsAnyAsync<Exception>(call);
        if (error is T || (error is RemoteGrainException remote && remote.TypeName == typeof(T).FullName))
        {
            return error;
        }

        throw new Xunit.Sdk.XunitException($"Expected {typeof(T).Name} (or a RemoteGrainException naming it), got {error}.");
    }
}
