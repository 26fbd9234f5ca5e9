using System;
using System.Threading;

namespace TypedGrains.Generators.Tests.Infrastructure;

/// <summary>
/// Runs work that might recurse without end on its own thread with a bounded stack and a deadline, so that a regression
/// fails the test (a timeout, or the exception it threw) instead of taking down the test host.
/// </summary>
internal static class BoundedRun
{
    /// <summary>The stack of the worker thread: far more than any finite walk needs.</summary>
    public const int StackBytes = 64 * 1024 * 1024;

    /// <summary>Runs <paramref name="work"/> with a token cancelled after <paramref name="timeout"/>; rethrows what it threw.</summary>
    public static T Run<T>(TimeSpan timeout, Func<CancellationToken, T> work)
    {
        using var deadline = new CancellationTokenSource(timeout);
        T result = default!;
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                result = work(deadline.Token);
            }
            catch (Exception exception)
            {
                failure = exception;
            }
        }, StackBytes);
        thread.Start();
        if (!thread.Join(timeout + timeout))
        {
            throw new TimeoutException("The work neither finished nor observed its cancellation in " + (timeout + timeout) + ".");
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("The work failed: " + failure.GetType().Name + ": " + failure.Message, failure);
        }

        return result;
    }
}
