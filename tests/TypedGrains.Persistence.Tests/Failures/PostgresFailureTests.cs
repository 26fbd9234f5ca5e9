using System;
using System.Threading.Tasks;
using Npgsql;
using TypedGrains.Persistence.Postgres;
using TypedGrains.Persistence.Tests.Grains;
using TypedGrains.Persistence.Tests.Support;
using TypedGrains.Runtime;
using Xunit;

namespace TypedGrains.Persistence.Tests.Failures;

/// <summary>The PostgreSQL server is stopped mid-run with pg_ctl, then started again, without restarting the runtime.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresFailureTests
{
    [Fact]
    public async Task A_stopped_server_fails_the_saving_caller_deactivates_the_grain_and_calls_succeed_once_it_is_back()
    {
        await using var storage = new PostgresGrainStateProvider(PostgresServer.ConnectionString);
        using var grains = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = storage });
        var counter = grains.StoredCounter(Guid.NewGuid().ToString("N"));
        await counter.Add(1);
        Assert.Equal(3, await counter.Add(2));

        PostgresServer.Stop();
        try
        {
            var save = await Assert.ThrowsAsync<GrainStorageException>(async () => await counter.Add(10));
            Assert.IsAssignableFrom<NpgsqlException>(save.InnerException);
            Assert.Equal(GrainStorageOperation.Save, save.Operation);
            Assert.False(grains.IsActive(counter.Id));

            // Still down: activation needs the stored state, so calls fail rather than run on a guessed state.
            var load = await Assert.ThrowsAsync<GrainStorageException>(async () => await counter.Get());
            Assert.IsAssignableFrom<NpgsqlException>(load.InnerException);
            Assert.Equal(GrainStorageOperation.Load, load.Operation);
            Assert.False(grains.IsActive(counter.Id));
        }
        finally
        {
            PostgresServer.Start();
        }

        Assert.Equal(3, await counter.Get());
        Assert.Equal(7, await counter.Add(4));
        await using var other = new PostgresGrainStateProvider(PostgresServer.ConnectionString);
        using var restarted = new InProcessRuntime(new InProcessRuntimeOptions { DefaultProvider = other });
        Assert.Equal(7, await restarted.StoredCounter(counter.Id.Key.AsString()).Get());
    }
}
