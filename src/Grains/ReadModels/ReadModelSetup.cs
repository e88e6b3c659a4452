using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.ReadModels;

/// <summary>
/// The read side's documents and projections. The projections run inline, in the transaction that appends the
/// events, so a read that follows a write always sees it.
/// </summary>
public static class ReadModelSetup
{
    public const string Timeline = "timeline";
    public const string EpisodeSpans = "episode-spans";

    /// <summary>Raise it when a projection changes what it writes: the next start rebuilds (<see cref="ReadModelCatchUp"/>).</summary>
    public const int CurrentBuild = 1;

    public static void Configure(StoreOptions options)
    {
        options.Schema.For<TimelineEntry>().DocumentAlias("timeline_entry")
            .Index([x => x.SchoolId, x => x.OccurredAt]);
        options.Schema.For<StaffTenure>().DocumentAlias("staff_tenure");
        options.Schema.For<TimelineLookup>().DocumentAlias("timeline_lookup");
        options.Schema.For<EpisodeSpan>().DocumentAlias("episode_span")
            .Index(x => x.SchoolId);
        options.Schema.For<ReadModelBuild>().DocumentAlias("read_model_build");

        // A rebuild (RebuildAsync) empties what each projection owns, then replays every event through it.
        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline, Timeline, rebuild =>
        {
            rebuild.DeleteViewTypeOnTeardown<TimelineEntry>();
            rebuild.DeleteViewTypeOnTeardown<StaffTenure>();
            rebuild.DeleteViewTypeOnTeardown<TimelineLookup>();
        });
        options.Projections.Add(new EpisodeSpanProjection(), ProjectionLifecycle.Inline, EpisodeSpans,
            rebuild => rebuild.DeleteViewTypeOnTeardown<EpisodeSpan>());
    }

    /// <summary>
    /// Builds the read models again from every recorded event: for a store that holds events appended before the
    /// projections existed or changed. Meant for when nothing else writes: at start, or in maintenance.
    /// </summary>
    public static async Task RebuildAsync(IDocumentStore store, ILogger logger, CancellationToken cancellation)
    {
        using var daemon = await store.BuildProjectionDaemonAsync(logger: logger);
        await daemon.RebuildProjectionAsync(Timeline, cancellation);
        await daemon.RebuildProjectionAsync(EpisodeSpans, cancellation);
    }
}
