namespace LearningOrg.Research;

/// <summary>
/// What one import has done so far, told by its line reader and its scheduler from any thread: the counts, and the
/// rejections with the lowest line numbers.
/// </summary>
internal sealed class ImportTally
{
    private readonly PriorityQueue<ImportRejection, long> rejections = new();
    private long lines, accepted, replayed, skipped, rejected;

    public void Read() => Interlocked.Increment(ref lines);

    public void Skip() => Interlocked.Increment(ref skipped);

    public void Accept() => Interlocked.Increment(ref accepted);

    public void Replay() => Interlocked.Increment(ref replayed);

    public void Reject(long line, Guid? eventId, string code, string reason, string? field = null) =>
        Reject(new ImportRejection(line, eventId, code, reason, field));

    public void Reject(ImportRejection rejection)
    {
        Interlocked.Increment(ref rejected);
        lock (rejections)
        {
            // Keeps the lowest line numbers: the queue's head is the highest kept.
            rejections.Enqueue(rejection, -rejection.Line);
            if (rejections.Count > Importer.MaxListedRejections)
            {
                rejections.Dequeue();
            }
        }
    }

    /// <summary>The report, once no line is in flight any more.</summary>
    public ImportReport Report()
    {
        List<ImportRejection> listed;
        lock (rejections)
        {
            listed = [.. rejections.UnorderedItems.Select(r => r.Element).OrderBy(r => r.Line)];
        }
        return new ImportReport(lines, accepted, replayed, skipped, rejected, listed);
    }
}
