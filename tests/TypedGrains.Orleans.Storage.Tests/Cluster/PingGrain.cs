using System;
using System.Threading.Tasks;
using Orleans;
using Orleans.Runtime;

namespace TypedGrains.Orleans.Storage.Tests.Cluster;

/// <summary>A plain Orleans grain for the cluster test: says where it runs and registers durable reminders.</summary>
public interface IPingGrain : IGrainWithStringKey
{
    Task<string> Ping();

    Task RegisterReminder(string name);
}

/// <summary>The grain behind <see cref="IPingGrain"/>.</summary>
public sealed class PingGrain : Grain, IPingGrain, IRemindable
{
    public Task<string> Ping() => Task.FromResult(RuntimeIdentity);

    public Task RegisterReminder(string name) =>
        this.RegisterOrUpdateReminder(name, TimeSpan.FromHours(1), TimeSpan.FromHours(1));

    public Task ReceiveReminder(string reminderName, TickStatus status) => Task.CompletedTask;
}
