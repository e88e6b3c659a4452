using JasperFx.Events.Projections;
using Marten;

namespace LearningOrg.Grains.ReadModels;

/// <summary>
/// The read side's documents and projections. The projections run inline, in the transaction that appends the
/// events, so a read that follows a write always sees it.
/// </summary>
public static class ReadModelSetup
{
    public static void Configure(StoreOptions options)
    {
        options.Schema.For<TimelineEntry>().DocumentAlias("timeline_entry")
            .Index([x => x.SchoolId, x => x.OccurredAt]);
        options.Schema.For<StaffTenure>().DocumentAlias("staff_tenure");
        options.Schema.For<TimelineLookup>().DocumentAlias("timeline_lookup");
        options.Schema.For<EpisodeSpan>().DocumentAlias("episode_span")
            .Index(x => x.SchoolId);

        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline, "timeline");
        options.Projections.Add(new EpisodeSpanProjection(), ProjectionLifecycle.Inline, "episode-spans");
    }
}
