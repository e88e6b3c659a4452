using System.Text;
using LearningOrg.Api.Endpoints;
using LearningOrg.Domain;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Api;

/// <summary>
/// docs/events.md is the event contract researchers read; it is generated from the event records, and this test
/// fails when the two drift apart. Regenerate with: UPDATE_EVENT_DOCS=1 ./test.sh --filter EventDocs
/// </summary>
public sealed class EventDocsTests
{
    [Fact]
    public void Docs_events_md_lists_every_event_type_with_its_fields()
    {
        var path = Path.Combine(TestDatabase.RepositoryRoot(), "docs", "events.md");
        var expected = Render();
        if (Environment.GetEnvironmentVariable("UPDATE_EVENT_DOCS") == "1")
        {
            File.WriteAllText(path, expected);
        }

        Assert.True(File.Exists(path), "docs/events.md is missing; run UPDATE_EVENT_DOCS=1 ./test.sh --filter EventDocs");
        Assert.Equal(expected, File.ReadAllText(path).ReplaceLineEndings("\n"));
    }

    private static string Render()
    {
        var text = new StringBuilder();
        text.Append("""
            # Event types

            Generated from the event records by `EventDocsTests` (do not edit by hand; the test fails when this file and
            the code disagree). The same list is served at `GET /api/event-types`. To add an event, see
            [adding-an-event.md](adding-an-event.md).

            Every event also carries, beside the fields below:

            | field | meaning |
            |---|---|
            | `occurredAt` | when it happened in the school (valid time); may lie in the past, never in the future |
            | `recordedAt` | when the store took it (transaction time) |
            | `recordedBy` | who entered it |
            | `commandId` | the command (Idempotency-Key) that produced it |
            | `sequence`, `version` | its global position across all streams, and its position in its own stream |

            A type's name never changes once published. A change of shape becomes a new type with the next version
            (`DecisionRecorded.v2`), and the old version stays readable: its stored events stay as they were written
            and are read as the newer version (upcast) by the aggregates, the read models, replays and exports, and an
            old export's lines of it import as the newer version. No command records an older version.

            | older version | read as | how |
            |---|---|---|

            """);
        // The older versions' rows, from the catalog.
        foreach (var older in EventCatalog.All.Where(t => t.IsSuperseded))
        {
            text.Append("| `").Append(older.Name).Append("` | `").Append(EventCatalog.For(older.SupersededBy!).Name).Append("` | ")
                .Append(older.Description).Append(" |\n");
        }
        foreach (var group in EventTypeEndpoints.Describe().GroupBy(t => t.Aggregate))
        {
            text.Append('\n').Append("## ").Append(group.Key).Append(" streams (`").Append(group.Key).Append("/{id}`)\n\n");
            text.Append("| event | what it records | fields |\n|---|---|---|\n");
            foreach (var type in group)
            {
                var fields = type.Fields.Where(f => f.Name != "occurredAt")
                    .Select(f => $"`{f.Name}`: {f.Type}{(f.Optional ? " (optional)" : string.Empty)}");
                var meaning = EventCatalog.Find(type.Name)!.Description!.Replace("|", "\\|", StringComparison.Ordinal);
                text.Append("| `").Append(type.Name).Append("` | ").Append(meaning).Append(" | ").Append(string.Join("; ", fields)).Append(" |\n");
            }
        }
        return text.ToString();
    }
}
