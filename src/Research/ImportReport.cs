namespace LearningOrg.Research;

/// <summary>A line the import did not record, and why.</summary>
public sealed record ImportRejection(long Line, Guid? EventId, string Code, string Reason, string? Field);

/// <summary>What an import did.</summary>
/// <param name="Lines">Non-blank lines read.</param>
/// <param name="Accepted">Lines recorded now.</param>
/// <param name="Replayed">Lines already recorded: by an earlier import of the same event id, or present in this store with that id.</param>
/// <param name="Skipped">Follow-ups the system writes itself, re-created by the lines that caused them.</param>
/// <param name="RejectedCount">All rejected lines; <paramref name="Rejected"/> lists the first <see cref="Importer.MaxListedRejections"/> by line number.</param>
public sealed record ImportReport(long Lines, long Accepted, long Replayed, long Skipped, long RejectedCount, IReadOnlyList<ImportRejection> Rejected);
