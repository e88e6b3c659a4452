using System.Text.Json;
using System.Text.Json.Nodes;
using LearningOrg.EventStore;
using LearningOrg.Research;

namespace LearningOrg.Bench.Generation;

/// <summary>
/// A research import file (JSON Lines in the export's shape) of generated events, written as a stream so that no more
/// than one line is held at a time. Remembers where every <see cref="LinesPerMark"/>th line ends, so a reader of the
/// file can tell how far through it an importer is.
/// </summary>
public sealed class ImportFile(string path, long lines, long bytes, IReadOnlyList<long> marks)
{
    public const int LinesPerMark = 1_000;

    public string Path => path;

    public long Lines => lines;

    public long Bytes => bytes;

    /// <summary>The byte offset just after line <see cref="LinesPerMark"/>, 2 × <see cref="LinesPerMark"/>, and so on.</summary>
    public IReadOnlyList<long> Marks => marks;

    public static async Task<ImportFile> WriteAsync(string path, IEnumerable<TemplateEvent> events, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
        var marks = new List<long>();
        long count = 0;
        await using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true))
        {
            await using var writer = new Utf8JsonWriter(file, ResearchJson.WriterOptions);
            foreach (var e in events)
            {
                count++;
                // An export's sequence and recording time; the importer ignores both and records its own.
                ExportLines.WriteJson(writer, new EventEnvelope<JsonObject>(e.EventId, count, e.StreamKey, e.Version, e.Type, e.OccurredAt, e.OccurredAt,
                    e.RecordedBy, e.CommandId, e.Data));
                await writer.FlushAsync(cancellationToken);
                file.WriteByte((byte)'\n');
                writer.Reset();
                if (count % LinesPerMark == 0)
                {
                    marks.Add(file.Position);
                }
            }
        }
        return new ImportFile(path, count, new FileInfo(path).Length, marks);
    }
}
