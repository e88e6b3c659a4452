using System.Collections.Concurrent;
using LearningOrg.Grains.Abstractions;
using LearningOrg.Grains.EventSourcing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>The failure a <see cref="FaultPlan"/> throws, recognisable by its message.</summary>
public static class InjectedFault
{
    public const string Message = "Injected failure: the silo crashed between the two writes.";
}

/// <summary>
/// Which grain calls should fail, each once: a <c>Record</c> on a grain interface whose proposed event is of a given
/// type, or the recording of the follow-ups waiting for a given aggregate. A test arms it, the silo's
/// <see cref="FaultInjectionFilter"/> consumes it.
/// </summary>
public sealed class FaultPlan
{
    private readonly ConcurrentDictionary<(Type Grain, Type Event), int> armed = new();
    private readonly ConcurrentDictionary<string, int> armedFollowUps = new(StringComparer.Ordinal);
    private int tripped;

    /// <summary>How many armed faults have been thrown so far.</summary>
    public int Tripped => Volatile.Read(ref tripped);

    /// <summary>The next <c>Record</c> call on <typeparamref name="TGrain"/> proposing a <typeparamref name="TEvent"/> throws.</summary>
    public void FailOnce<TGrain, TEvent>() => armed.AddOrUpdate((typeof(TGrain), typeof(TEvent)), 1, (_, n) => n + 1);

    /// <summary>
    /// The next call that asks the aggregate <paramref name="aggregateId"/> to record its waiting follow-ups throws, as
    /// if the caller had crashed after the first write: the follow-ups stay in the outbox.
    /// </summary>
    public void FailFollowUpsOnce(string aggregateId) => armedFollowUps.AddOrUpdate(aggregateId, 1, (_, n) => n + 1);

    /// <summary>Whether this call to record follow-ups should fail; consumes the fault when it should.</summary>
    internal bool ShouldFailFollowUps(string methodName, string aggregateId)
    {
        if (methodName != nameof(IFollowUpRecipient.RecordWaitingFollowUps))
        {
            return false;
        }
        while (armedFollowUps.TryGetValue(aggregateId, out var count) && count > 0)
        {
            if (armedFollowUps.TryUpdate(aggregateId, count - 1, count))
            {
                Interlocked.Increment(ref tripped);
                return true;
            }
        }
        return false;
    }

    /// <summary>Whether this call should fail; consumes the fault when it should.</summary>
    internal bool ShouldFail(Type grainInterface, string methodName, object? proposed)
    {
        if (methodName != "Record" || proposed is null)
        {
            return false;
        }
        var key = (grainInterface, proposed.GetType());
        while (armed.TryGetValue(key, out var count) && count > 0)
        {
            if (armed.TryUpdate(key, count - 1, count))
            {
                Interlocked.Increment(ref tripped);
                return true;
            }
        }
        return false;
    }
}

/// <summary>An incoming grain call filter that throws where the silo's <see cref="FaultPlan"/> says, before the grain runs.</summary>
public sealed class FaultInjectionFilter(FaultPlan plan) : IIncomingGrainCallFilter
{
    public Task Invoke(IIncomingGrainCallContext context)
    {
        if ((context.InterfaceMethod?.DeclaringType is { } grainInterface
                && context.Request.GetArgumentCount() >= 2
                && plan.ShouldFail(grainInterface, context.MethodName, context.Request.GetArgument(1)))
            || plan.ShouldFailFollowUps(context.MethodName, context.TargetId.Key.ToString()))
        {
            throw new InvalidOperationException(InjectedFault.Message);
        }
        return context.Invoke();
    }
}

/// <summary>
/// A <see cref="ClusterFixture"/> whose silo can be told to fail chosen grain calls once. Its follow-up sweep runs only
/// when a test calls it (<see cref="SweepFollowUpsAsync"/>), and then takes every waiting follow-up, however fresh.
/// </summary>
public sealed class FaultInjectingClusterFixture : ClusterFixture
{
    /// <summary>Runs the primary silo's follow-up sweep once; the number of aggregates that recorded theirs.</summary>
    public Task<int> SweepFollowUpsAsync() =>
        Cluster.GetSiloServiceProvider(Cluster.Primary!.SiloAddress).GetRequiredService<FollowUpSweep>().SweepAsync(CancellationToken.None);

    /// <summary>The primary silo's plan (the cluster has one silo).</summary>
    public FaultPlan Faults =>
        Cluster.GetSiloServiceProvider((Cluster.Primary ?? throw new InvalidOperationException("The cluster has no silo.")).SiloAddress)
            .GetRequiredService<FaultPlan>();

    protected override void ConfigureCluster(TestClusterBuilder builder)
    {
        builder.ConfigureHostConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUps:SweepInterval"] = TimeSpan.FromDays(1).ToString(),
            ["FollowUps:SweepAfter"] = TimeSpan.Zero.ToString(),
        }));
        builder.AddSiloBuilderConfigurator<FaultInjectionConfigurator>();
    }

    private sealed class FaultInjectionConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            siloBuilder.Services.AddSingleton<FaultPlan>();
            siloBuilder.AddIncomingGrainCallFilter<FaultInjectionFilter>();
        }
    }
}
