using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsvHelper;
using LearningOrg.EventStore;

namespace LearningOrg.Research;

/// <summary>Writes export lines to a stream in one of the export formats.</summary>
public interface IExportWriter : IAsyncDisposable
{
    Task WriteAsync(EventEnvelope<JsonObject> line, CancellationToken cancellationToken);
}

/// <summary>JSON Lines: one JSON object per line, "\n" after each.</summary>
public sealed class JsonLinesWriter(Stream body) : IExportWriter
{
    private const int FlushBytes = 64 * 1024;

    private readonly ArrayBufferWriter<byte> buffer = new(FlushBytes * 2);

    public const string ContentType = "application/x-ndjson";

    public async Task WriteAsync(EventEnvelope<JsonObject> line, CancellationToken cancellationToken)
    {
        using (var writer = new Utf8JsonWriter(buffer, ResearchJson.WriterOptions))
        {
            ExportLines.WriteJson(writer, line);
        }
        buffer.Write("\n"u8);
        if (buffer.WrittenCount >= FlushBytes)
        {
            await FlushAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync() => await FlushAsync(CancellationToken.None);

    private async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (buffer.WrittenCount > 0)
        {
            await body.WriteAsync(buffer.WrittenMemory, cancellationToken);
            buffer.ResetWrittenCount();
        }
    }
}

/// <summary>
/// CSV (RFC 4180, UTF-8 without byte order mark, CRLF) with a fixed set of columns: the envelope's, then one per field
/// of every event type in codebook order (<see cref="Codebook.CsvColumns"/>), so that the header never depends on the
/// data exported.
/// </summary>
public sealed class CsvExportWriter(Stream body) : IExportWriter
{
    public const string ContentType = "text/csv; charset=utf-8; header=present";

    private static readonly FrozenDictionary<string, int> Column =
        Codebook.CsvColumns.Select((name, index) => (name, index)).ToFrozenDictionary(c => c.name, c => c.index, StringComparer.Ordinal);

    private static readonly CsvWriterOptions Options = new() { NewLine = "\r\n", WriteByteOrderMark = false };

    private readonly CsvWriter csv = CsvWriter.Create(body, Options, leaveOpen: true);
    private readonly string?[] cells = new string?[Codebook.CsvColumns.Count];
    private bool headerWritten;

    public async Task WriteAsync(EventEnvelope<JsonObject> line, CancellationToken cancellationToken)
    {
        await WriteHeaderAsync(cancellationToken);
        Array.Clear(cells);
        cells[0] = line.EventId.ToString("D");
        cells[1] = line.Sequence.ToString(CultureInfo.InvariantCulture);
        cells[2] = line.StreamId;
        cells[3] = line.Version.ToString(CultureInfo.InvariantCulture);
        cells[4] = line.Type;
        cells[5] = ResearchJson.Date(line.OccurredAt);
        cells[6] = ResearchJson.Date(line.RecordedAt);
        cells[7] = line.RecordedBy;
        cells[8] = line.CommandId;
        foreach (var (name, value) in line.Data)
        {
            if (Column.TryGetValue(Codebook.CsvColumn(line.Type, name), out var index))
            {
                cells[index] = Cell(value);
            }
        }
        foreach (var cell in cells)
        {
            csv.WriteField(cell);
        }
        await csv.EndRecordAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await WriteHeaderAsync(CancellationToken.None);
        await csv.DisposeAsync();
    }

    private async Task WriteHeaderAsync(CancellationToken cancellationToken)
    {
        if (headerWritten)
        {
            return;
        }
        headerWritten = true;
        foreach (var column in Codebook.CsvColumns)
        {
            csv.WriteField(column);
        }
        await csv.EndRecordAsync(cancellationToken);
    }

    /// <summary>A value as a cell: text as is, numbers and booleans as JSON writes them, lists joined with ";".</summary>
    private static string? Cell(JsonNode? value) => value switch
    {
        null => null,
        JsonArray items => string.Join(Codebook.ListSeparator, items.Select(item => Escape(Cell(item) ?? string.Empty))),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        _ => value.ToJsonString(ResearchJson.Options),
    };

    private static string Escape(string item) =>
        item.Replace(@"\", @"\\", StringComparison.Ordinal).Replace(Codebook.ListSeparator, @"\" + Codebook.ListSeparator, StringComparison.Ordinal);
}
