using System.Security.Cryptography;
using System.Text;

namespace LearningOrg.Bench.Generation;

/// <summary>
/// The demo story at any size, with its event mix and shapes: copies side by side (more schools), or one school living
/// it again round after round (a longer history). Deterministic: the same arguments give the same events, ids included.
/// </summary>
public static class ScaledStory
{
    /// <summary>
    /// Copy <paramref name="copy"/> of the whole story: every aggregate id gets the suffix "-c{copy}", so copies share
    /// no stream. Ids in <paramref name="kept"/> stay as they are (a network all copies join, say).
    /// </summary>
    public static IEnumerable<TemplateEvent> Copy(StoryTemplate template, int copy, IReadOnlySet<string>? kept = null)
    {
        var renamer = new IdRenamer(template.AggregateIds, $"-c{copy:D5}", kept ?? new HashSet<string>(), renameLocalIds: false);
        return template.Events.Select(e => Renamed(e, renamer, $"c{copy}", e.OccurredAt));
    }

    /// <summary>Copies 0, 1, 2, … of the story, one after another, until <paramref name="events"/> events.</summary>
    public static IEnumerable<TemplateEvent> Copies(StoryTemplate template, long events)
    {
        long produced = 0;
        for (var copy = 0; ; copy++)
        {
            foreach (var e in Copy(template, copy))
            {
                if (produced++ == events)
                {
                    yield break;
                }
                yield return e;
            }
        }
    }

    /// <summary>
    /// A school whose stream holds <paramref name="schoolEvents"/> events: the demo school <paramref name="schoolId"/>'s
    /// story, with its teachers' streams, lived again in rounds. Round r gives every other id the suffix "-r{r}" (its
    /// teachers, roles, episodes and decisions are new), and the rounds share the story's years, each squeezed into
    /// its own slice of them, so the history stays in time order. The school is registered only in the first round.
    /// </summary>
    public static IEnumerable<TemplateEvent> LongSchool(StoryTemplate template, string schoolId, int schoolEvents)
    {
        var schoolKey = $"school/{schoolId}";
        var teachers = template.Events
            .Where(e => e.StreamKey == schoolKey && e.Data["teacherId"]?.GetValue<string>() is not null)
            .Select(e => e.Data["teacherId"]!.GetValue<string>())
            .ToHashSet(StringComparer.Ordinal);
        var story = template.Events
            .Where(e => e.StreamKey == schoolKey || (e.Aggregate == "teacher" && teachers.Contains(e.AggregateId)))
            .ToList();
        var perRound = story.Count(e => e.StreamKey == schoolKey) - 1;
        var rounds = Math.Max(1, (int)Math.Ceiling((schoolEvents - 1) / (double)perRound));
        var (start, span) = (template.Start, template.End - template.Start);
        var kept = new HashSet<string>(StringComparer.Ordinal) { schoolId };
        var written = 0;
        for (var round = 0; round < rounds; round++)
        {
            var renamer = new IdRenamer(template.AggregateIds, $"-r{round:D3}", kept, renameLocalIds: true);
            foreach (var e in story)
            {
                var isSchool = e.StreamKey == schoolKey;
                if (isSchool && round > 0 && e.Version == 1)
                {
                    continue;
                }
                if (isSchool && written == schoolEvents)
                {
                    continue;
                }
                var at = start + (span * round / rounds) + ((e.OccurredAt - start) / rounds);
                written += isSchool ? 1 : 0;
                yield return Renamed(e, renamer, $"r{round}", at);
            }
        }
    }

    private static TemplateEvent Renamed(TemplateEvent e, IdRenamer renamer, string copy, DateTimeOffset occurredAt)
    {
        var data = renamer.Data(e.Data);
        data["occurredAt"] = occurredAt;
        return e with
        {
            EventId = DerivedId(e.EventId, copy),
            StreamKey = renamer.StreamKey(e.StreamKey),
            OccurredAt = occurredAt,
            // The copy goes first: a follow-up's id ends as the system wrote it ("…/join"), which is how an import knows it.
            CommandId = e.CommandId is null ? null : $"{copy}/{e.CommandId}",
            Data = data,
        };
    }

    /// <summary>The same id for the same original and copy, in every run.</summary>
    private static Guid DerivedId(Guid original, string copy) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes($"{original:N}/{copy}")).AsSpan(0, 16));
}
