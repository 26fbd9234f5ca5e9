using System;
using System.Collections.Generic;
using System.Threading;
using TypedGrains.Runtime.Envelopes;
using Xunit;

namespace TypedGrains.Runtime.Tests;

/// <summary>
/// The envelope pool: what one thread returns another thread rents (a cast's envelope is returned by the activation's
/// thread, not the sender's), and what the pool keeps is bounded. Each test pools a type of its own on threads of its
/// own, so no other test's envelopes are in its pool.
/// </summary>
public sealed class EnvelopePoolTests
{
    [Fact]
    public void Envelopes_returned_on_one_thread_are_rented_on_another_once_a_magazine_of_32_is_full()
    {
        var returned = new List<HandedOver>();
        OnThread(() =>
        {
            for (var i = 0; i < 64; i++)
            {
                var item = new HandedOver();
                returned.Add(item);
                EnvelopePool<HandedOver>.Return(item);
            }
        });

        var rented = new List<HandedOver>();
        OnThread(() =>
        {
            for (var i = 0; i < 33; i++)
            {
                rented.Add(EnvelopePool<HandedOver>.Rent());
            }
        });

        // The first 32 returned filled a magazine that went to the shared queue when the 33rd arrived; the other
        // 32 stay in the returning thread's own magazine. The renting thread takes the shared one, last in first out.
        var shared = returned.GetRange(0, 32);
        shared.Reverse();
        Assert.Equal(shared, rented.GetRange(0, 32));
        Assert.DoesNotContain(rented[32], returned);
    }

    [Fact]
    public void The_shared_pool_keeps_at_most_4096_envelopes_however_many_are_returned()
    {
        var returned = new HashSet<Bounded>(ReferenceEqualityComparer.Instance);
        OnThread(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                var item = new Bounded();
                returned.Add(item);
                EnvelopePool<Bounded>.Return(item);
            }
        });

        var reused = 0;
        OnThread(() =>
        {
            for (var i = 0; i < 10_000; i++)
            {
                if (returned.Contains(EnvelopePool<Bounded>.Rent()))
                {
                    reused++;
                }
            }
        });

        Assert.Equal(4096, reused);
    }

    [Fact]
    public void A_thread_that_rents_and_returns_gets_the_same_envelope_back()
    {
        OnThread(() =>
        {
            var first = EnvelopePool<RoundTrip>.Rent();
            EnvelopePool<RoundTrip>.Return(first);
            Assert.Same(first, EnvelopePool<RoundTrip>.Rent());
        });
    }

    /// <summary>Runs <paramref name="work"/> on a new thread (fresh thread-local magazines) and rethrows what it threw.</summary>
    private static void OnThread(Action work)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                work();
            }
            catch (Exception error)
            {
                failure = error;
            }
        });
        thread.Start();
        Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "The pool's thread did not finish.");
        if (failure is not null)
        {
            throw new Xunit.Sdk.XunitException($"On the pool's thread: {failure}");
        }
    }

    private sealed class HandedOver;

    private sealed class Bounded;

    private sealed class RoundTrip;
}
