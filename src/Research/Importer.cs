using System.IO.Pipelines;
using LearningOrg.Domain.Common;
using LearningOrg.EventStore;

namespace LearningOrg.Research;

/// <summary>
/// Imports historical records: JSON Lines in the export's shape, read as a stream, each line sent to its aggregate's
/// grain as a command with the id <c>import/{eventId}</c>, so the rules of live commands apply and a second import of
/// the same line records nothing.
/// </summary>
/// <remarks>
/// The line reader (<see cref="ImportLineReader"/>) checks each line; the scheduler (<see cref="ImportScheduler"/>)
/// runs lines in file order per stream. A line waits for every earlier line that touches a stream it touches: its own,
/// and the ones its grain reads or writes, as its event's fields declare them (<see cref="TouchesAttribute"/>: a
/// teacher's registration and moves reach the schools, a role assignment reaches the teacher, an enrolment or a
/// network membership reads the school). Lines on unrelated streams run
/// concurrently, at most <see cref="Parallelism"/> at a time, and at most <see cref="Window"/> lines are held in memory.
/// </remarks>
public sealed class Importer(IGrainFactory grains, EventReader journal, ILogger<Importer> logger)
{
    public const int MaxLineBytes = 1024 * 1024;
    public const int MaxListedRejections = 1000;
    // Group commit shares a transaction among the appends that wait at the same moment, so more lines in flight make
    // fuller transactions: at 64 the quick-scale bulk import ran 1.6x faster than at 8 (docs/benchmarks.md, scenario 2).
    public const int Parallelism = 64;
    public const int Window = 1024;

    public async Task<ImportReport> ImportAsync(PipeReader body, string recordedBy, CancellationToken cancellationToken)
    {
        var tally = new ImportTally();
        var scheduler = new ImportScheduler(grains, journal, recordedBy, tally, logger);
        await foreach (var batch in new ImportLineReader(tally).ReadBatchesAsync(body, cancellationToken))
        {
            await scheduler.ScheduleAsync(batch, cancellationToken);
        }
        await scheduler.DrainAsync(cancellationToken);
        return tally.Report();
    }
}
