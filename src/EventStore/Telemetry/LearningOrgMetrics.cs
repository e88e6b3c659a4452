using System.Diagnostics.Metrics;
using LearningOrg.Domain.Common;

namespace LearningOrg.EventStore.Telemetry;

/// <summary>
/// LearningOrg's own instruments, in the "LearningOrg" meter: commands and appended events by aggregate kind (their
/// rates are what a dashboard plots), and how long a grain takes to load its stream on activation.
/// </summary>
public sealed class LearningOrgMetrics
{
    public const string MeterName = "LearningOrg";
    public const string Commands = "learningorg.commands";
    public const string EventsAppended = "learningorg.events.appended";
    public const string ActivationDuration = "learningorg.grain.activation.duration";
    public const string ProjectionLag = "learningorg.projection.lag";
    public const string GroupCommitSize = "learningorg.group_commit.size";

    public const string AggregateKindTag = "learningorg.aggregate.kind";
    public const string OutcomeTag = "learningorg.command.outcome";
    public const string ErrorTypeTag = "error.type";

    private readonly Counter<long> commands;
    private readonly Counter<long> eventsAppended;
    private readonly Histogram<double> activationDuration;
    private readonly Histogram<int> groupCommitSize;

    public LearningOrgMetrics(IMeterFactory meterFactory)
    {
        Meter = meterFactory.Create(MeterName);
        commands = Meter.CreateCounter<long>(Commands, "{command}", "Commands handled by the aggregates' grains, by outcome.");
        eventsAppended = Meter.CreateCounter<long>(EventsAppended, "{event}", "Events appended to the event store.");
        activationDuration = Meter.CreateHistogram<double>(ActivationDuration, "s",
            "Time a grain takes to activate: loading its latest snapshot and replaying the events after it.");
        groupCommitSize = Meter.CreateHistogram<int>(GroupCommitSize, "{append}",
            "Commands' appends committed together in one transaction by the group commit.",
            advice: new InstrumentAdvice<int> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32, 64, 128, 256] });
    }

    /// <summary>The meter, for the instruments other classes own (the projection lag gauge).</summary>
    public Meter Meter { get; }

    /// <summary>Counts a command's answer: accepted, replayed (a repeated command id) or rejected with its rule's kind.</summary>
    public void CommandHandled(string aggregateKind, bool replayed, RuleViolation? violation)
    {
        var result = violation is not null ? "rejected" : replayed ? "replayed" : "accepted";
        var tags = new System.Diagnostics.TagList { { AggregateKindTag, aggregateKind }, { OutcomeTag, result } };
        if (violation is not null)
        {
            tags.Add(ErrorTypeTag, violation.Kind.ToString());
        }
        commands.Add(1, tags);
    }

    public void EventsAppendedTo(string aggregateKind, int count) =>
        eventsAppended.Add(count, new KeyValuePair<string, object?>(AggregateKindTag, aggregateKind));

    public void GroupCommitted(int appends) => groupCommitSize.Record(appends);

    public void GrainActivated(string aggregateKind, TimeSpan duration) =>
        activationDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(AggregateKindTag, aggregateKind));
}
