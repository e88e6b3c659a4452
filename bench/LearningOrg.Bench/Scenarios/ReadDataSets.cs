using LearningOrg.Bench.Generation;
using LearningOrg.Bench.Harness;
using LearningOrg.Domain.Culture;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using Npgsql;

namespace LearningOrg.Bench.Scenarios;

/// <summary>The long school that scenarios 3 to 5 read: one school stream of <see cref="BenchScale.LongSchoolEvents"/> events.</summary>
/// <param name="Schema">The schema that holds it (and its teachers' streams, and the read models the store projected).</param>
/// <param name="StoreEvents">Every event written, teachers' included.</param>
/// <param name="Start">The first event's occurredAt.</param>
/// <param name="End">The last event's occurredAt.</param>
public sealed record LongSchoolData(string Schema, string SchoolId, int SchoolEvents, long StoreEvents, DateTimeOffset Start, DateTimeOffset End)
{
    public string StreamKey => StreamKeys.For(StreamKeys.School, SchoolId);
}

/// <summary>A network whose members at <paramref name="At"/> are <paramref name="Schools"/> schools, each with its story.</summary>
public sealed record NetworkData(string Schema, string NetworkId, int Schools, long StoreEvents, DateTimeOffset At);

/// <summary>The data sets of the read scenarios, built once per run (<see cref="BenchContext.Shared{T}"/>).</summary>
public static class ReadDataSets
{
    private const int SeedBatch = 1000;

    /// <summary>
    /// The demo school with the most events, living its story again until its stream holds the scale's number of
    /// events (<see cref="ScaledStory.LongSchool"/>), seeded raw; then its grain's Reload writes the snapshot the grain
    /// would have written while recording it.
    /// </summary>
    public static Task<LongSchoolData> LongSchoolAsync(BenchContext context, CancellationToken cancellationToken) =>
        context.Shared("long-school", async () =>
        {
            var template = await context.Template;
            var schoolId = template.Schools
                .OrderByDescending(id => template.Events.Count(e => e.StreamKey == StreamKeys.For(StreamKeys.School, id)))
                .First();
            var events = ScaledStory.LongSchool(template, schoolId, context.Scale.LongSchoolEvents).ToList();
            var schema = await context.FreshSchemaAsync("long_school", cancellationToken);
            await using var silo = await BenchSilo.StartAsync(context.ConnectionString, schema, cancellationToken);
            var written = await RawSeeder.AppendAsync(silo.Store, events, SeedBatch, cancellationToken);
            await silo.Grains.GetGrain<ISchoolGrain>(schoolId).Reload();
            await VacuumAnalyzeAsync(silo);
            var school = events.Where(e => e.StreamKey == StreamKeys.For(StreamKeys.School, schoolId)).ToList();
            context.Say($"Long school {schoolId}: {school.Count} events on its stream, {written} in all, in schema {schema}");
            return new LongSchoolData(schema, schoolId, school.Count, written, school.Min(e => e.OccurredAt), school.Max(e => e.OccurredAt));
        });

    /// <summary>
    /// Copies of the whole demo story side by side (<see cref="ScaledStory.Copy"/>), all keeping the demo network's id,
    /// so every copy's schools join one network; the copies' own NetworkFormed are dropped, and so are the joins of
    /// schools beyond <paramref name="schools"/>. Compared at the end of the story's last day, when every member has joined.
    /// </summary>
    public static Task<NetworkData> NetworkAsync(BenchContext context, int schools, CancellationToken cancellationToken) =>
        context.Shared($"network-{schools}", async () =>
        {
            var template = await context.Template;
            var networkId = template.Events.First(e => e.Aggregate == StreamKeys.Network).AggregateId;
            var networkKey = StreamKeys.For(StreamKeys.Network, networkId);
            var kept = new HashSet<string>(StringComparer.Ordinal) { networkId };
            var wanted = schools;
            var perCopy = template.Schools.Count;
            var events = new List<TemplateEvent>();
            var joined = new HashSet<string>(StringComparer.Ordinal);
            for (var copy = 0; copy * perCopy < wanted; copy++)
            {
                foreach (var e in ScaledStory.Copy(template, copy, kept))
                {
                    if (e.StreamKey == networkKey && IsNetworkMove(e, out var schoolId))
                    {
                        if (!joined.Contains(schoolId) && joined.Count == wanted)
                        {
                            continue;
                        }
                        joined.Add(schoolId);
                    }
                    else if (e.StreamKey == networkKey && copy > 0)
                    {
                        continue;
                    }
                    events.Add(e);
                }
            }
            var schema = await context.FreshSchemaAsync($"network_{schools}", cancellationToken);
            await using var silo = await BenchSilo.StartAsync(context.ConnectionString, schema, cancellationToken);
            var written = await RawSeeder.AppendAsync(silo.Store, events, SeedBatch, cancellationToken);
            await VacuumAnalyzeAsync(silo);
            var at = Months.EndOfDay(DateOnly.FromDateTime(template.End.UtcDateTime));
            context.Say($"Network {networkId}: {joined.Count} member schools, {written} events in schema {schema}");
            return new NetworkData(schema, networkId, joined.Count, written, at);
        });

    /// <summary>
    /// What autovacuum does soon after a bulk load, done at once so that every run reads the same: statistics for the
    /// planner, and the visibility map that lets a timeline page be found from its index alone.
    /// </summary>
    private static async Task VacuumAnalyzeAsync(BenchSilo silo)
    {
        await using var connection = silo.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        var schema = silo.Store.Options.Events.DatabaseSchemaName;
        foreach (var table in new[] { "mt_events", "mt_streams", "mt_doc_timeline_entry" })
        {
            await using var command = new NpgsqlCommand($"vacuum analyze \"{schema}\".{table}", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static bool IsNetworkMove(TemplateEvent e, out string schoolId)
    {
        schoolId = e.Data["schoolId"]?.GetValue<string>() ?? "";
        return e.Type is "SchoolJoinedNetwork.v1" or "SchoolLeftNetwork.v1";
    }
}
