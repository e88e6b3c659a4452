using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// Where a test cluster's grains are activated, as the test chooses: a fault test puts the grains it needs on the silo
/// it is about to lose, instead of hoping placement put some there. Grains the test chooses no silo for, or whose
/// silo has gone, are placed at random among the silos that can take them.
/// </summary>
public static class ChosenSilos
{
    private static readonly ConcurrentDictionary<string, Func<GrainId, SiloAddress?>> Choices = new(StringComparer.Ordinal);

    /// <summary>Makes this placement the default of every silo the builder starts.</summary>
    public static void UseIn(TestClusterBuilder builder) => builder.AddSiloBuilderConfigurator<Configurator>();

    /// <summary>From now on, grains of this cluster are activated on the silo <paramref name="choose"/> names.</summary>
    public static void Choose(string clusterId, Func<GrainId, SiloAddress?> choose) => Choices[clusterId] = choose;

    /// <summary>Forgets a cluster's choice (when the cluster is gone).</summary>
    public static void Forget(string clusterId) => Choices.TryRemove(clusterId, out _);

    private static SiloAddress? ChoiceFor(string clusterId, GrainId grain) =>
        Choices.TryGetValue(clusterId, out var choose) ? choose(grain) : null;

    [GenerateSerializer, Immutable]
    public sealed class Placement : PlacementStrategy;

    private sealed class Director(IOptions<ClusterOptions> cluster) : IPlacementDirector
    {
        public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
        {
            var compatible = context.GetCompatibleSilos(target);
            var chosen = ChoiceFor(cluster.Value.ClusterId, target.GrainIdentity);
            return Task.FromResult(chosen is not null && compatible.Contains(chosen)
                ? chosen
                : compatible[Random.Shared.Next(compatible.Length)]);
        }
    }

    private sealed class Configurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            // Orleans reads the default placement as the last PlacementStrategy registered.
            siloBuilder.Services.AddSingleton<PlacementStrategy, Placement>();
            siloBuilder.Services.AddPlacementDirector<Placement, Director>();
        }
    }
}
