using JasperFx.Events.Projections;
using LearningOrg.EventStore;
using Marten;
using Marten.Schema;
using Microsoft.Extensions.Logging;

namespace LearningOrg.ReadModels;

/// <summary>
/// The read side's documents and projections. The timeline, the episode spans and the indicator table run inline,
/// in the transaction that appends the events, so a read that follows a write always sees it. The monthly activity counts run in the
/// async daemon (<see cref="ProjectionDaemon"/>), on one node of the cluster at a time.
/// </summary>
public static class ReadModelSetup
{
    public const string Timeline = "timeline";
    public const string EpisodeSpans = "episode-spans";
    public const string SchoolActivity = "school-activity";
    public const string KnownPeople = "known-people";
    public const string Indicators = "indicators";

    /// <summary>Raise it when a projection changes what it writes: the next start rebuilds (<see cref="ReadModelCatchUp"/>).</summary>
    /// <remarks>2: the timeline's order keys became columns of their own (<see cref="DuplicateTimelineOrder"/>); the rebuild fills them.</remarks>
    /// <remarks>3: the names the store knows (<see cref="KnownPerson"/>), for pseudonymized reads.</remarks>
    /// <remarks>4: the school-by-month indicator table (<see cref="SchoolMonthIndicators"/>).</remarks>
    /// <remarks>5: indicator rows run on to the month the indicators settle at (<see cref="SchoolIndicatorSummary.LastRowMonth"/>).</remarks>
    public const int CurrentBuild = 5;

    /// <summary>The index that gives a school's timeline in its order, ids included, so a page is found from the index alone.</summary>
    public const string TimelineOrderIndex = "mt_doc_timeline_entry_idx_order";

    /// <param name="indicators">
    /// Keep the indicator table inline. Off only to measure what it costs an append (the bench's scenario 8): the
    /// comparisons need it.
    /// </param>
    public static void Configure(StoreOptions options, bool indicators = true)
    {
        options.Schema.For<TimelineEntry>().DocumentAlias("timeline_entry");
        options.Policies.ForAllDocuments(mapping =>
        {
            if (mapping.DocumentType == typeof(TimelineEntry))
            {
                DuplicateTimelineOrder(mapping);
            }
        });
        options.Schema.For<StaffTenure>().DocumentAlias("staff_tenure");
        options.Schema.For<TimelineLookup>().DocumentAlias("timeline_lookup");
        options.Schema.For<EpisodeSpan>().DocumentAlias("episode_span")
            .Index(x => x.SchoolId);
        options.Schema.For<KnownPerson>().DocumentAlias("known_person");
        options.Schema.For<SchoolMonthIndicators>().DocumentAlias("school_month_indicators")
            .Duplicate(x => x.SchoolId);
        options.Schema.For<SchoolIndicatorSummary>().DocumentAlias("school_indicator_summary");
        options.Schema.For<ReadModelBuild>().DocumentAlias("read_model_build");
        options.Schema.For<SchoolMonthActivity>().DocumentAlias("school_month_activity")
            .Index(x => x.SchoolId);

        // A rebuild (RebuildAsync) empties what each projection owns, then replays every event through it.
        options.Projections.Add(new TimelineProjection(), ProjectionLifecycle.Inline, Timeline, rebuild =>
        {
            rebuild.DeleteViewTypeOnTeardown<TimelineEntry>();
            rebuild.DeleteViewTypeOnTeardown<StaffTenure>();
            rebuild.DeleteViewTypeOnTeardown<TimelineLookup>();
        });
        options.Projections.Add(new EpisodeSpanProjection(), ProjectionLifecycle.Inline, EpisodeSpans,
            rebuild => rebuild.DeleteViewTypeOnTeardown<EpisodeSpan>());
        options.Projections.Add(new KnownPeopleProjection(), ProjectionLifecycle.Inline, KnownPeople,
            rebuild => rebuild.DeleteViewTypeOnTeardown<KnownPerson>());
        // Rebuilt by IndicatorRebuild, one computation per school, not by replaying the events through it.
        if (indicators)
        {
            options.Projections.Add(new IndicatorProjection(), ProjectionLifecycle.Inline, Indicators);
        }
        options.Projections.Add(new SchoolActivityProjection(), ProjectionLifecycle.Async, SchoolActivity,
            rebuild => rebuild.DeleteViewTypeOnTeardown<SchoolMonthActivity>());
        ProjectionDaemon.Configure(options);
    }

    /// <summary>
    /// The school and the timeline's order keys (occurredAt, recordedAt, version, then id) as columns of their own, with
    /// one index over them: a page deep in a long timeline then skips its earlier entries in the index, without reading
    /// each one's JSON, and the count reads only the index. Marten's Duplicate would index each column on its own too;
    /// those indexes would only slow the inline projection's writes. Nullable, so that an existing table can take them;
    /// the rebuild that <see cref="CurrentBuild"/> 2 asks for fills them.
    /// </summary>
    private static void DuplicateTimelineOrder(DocumentMapping mapping)
    {
        string[] members = [nameof(TimelineEntry.SchoolId), nameof(TimelineEntry.OccurredAt), nameof(TimelineEntry.RecordedAt), nameof(TimelineEntry.Version)];
        var columns = members.Select(member => mapping.DuplicateField(member).ColumnName).Append("id").ToArray();
        mapping.AddIndex(columns).Name = TimelineOrderIndex;
    }

    /// <summary>The whole store: the event store and its documents (<see cref="MartenSetup"/>), then the read models.</summary>
    public static void ConfigureStore(StoreOptions options, string connectionString, string schema = MartenSetup.DefaultSchema, bool indicators = true)
    {
        MartenSetup.Configure(options, connectionString, schema);
        Configure(options, indicators);
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
        await daemon.RebuildProjectionAsync(KnownPeople, cancellation);
        await IndicatorRebuild.RebuildAsync(store, cancellation);
    }
}
