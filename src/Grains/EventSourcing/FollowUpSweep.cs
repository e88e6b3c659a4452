using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>
/// A silo's recovery path for follow-ups: every FollowUps:SweepInterval (default 10 seconds) it asks the aggregates
/// of the follow-ups that have waited in the outbox longer than FollowUps:SweepAfter (default 5 seconds) to record
/// them. A follow-up waits that long only when the caller that wrote it stopped before having it recorded (a crash,
/// a lost connection, a failed call); a fresh one is left to its caller. Every silo sweeps: asking twice records once.
/// </summary>
public sealed class FollowUpSweep : BackgroundService
{
    /// <summary>Aggregates asked per sweep at most; the rest wait for the next one.</summary>
    private const int MaxTargets = 256;

    private readonly IGrainFactory grains;
    private readonly FollowUpOutbox outbox;
    private readonly TimeProvider clock;
    private readonly ILogger<FollowUpSweep> logger;
    private readonly TimeSpan interval;
    private readonly TimeSpan after;

    public FollowUpSweep(IGrainFactory grains, FollowUpOutbox outbox, TimeProvider clock, IConfiguration configuration, ILogger<FollowUpSweep> logger)
    {
        this.grains = grains;
        this.outbox = outbox;
        this.clock = clock;
        this.logger = logger;
        interval = configuration.GetValue("FollowUps:SweepInterval", TimeSpan.FromSeconds(10));
        after = configuration.GetValue("FollowUps:SweepAfter", TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// Asks the aggregate of every follow-up that has waited longer than FollowUps:SweepAfter to record what waits for
    /// it. Returns how many aggregates recorded theirs; one that failed or refused is logged and asked again next time.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var targets = await outbox.TargetsWaitingSinceAsync(clock.GetUtcNow() - after, MaxTargets, cancellationToken);
        var done = 0;
        foreach (var target in targets)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                await grains.RecordFollowUpsAsync([target]);
                done++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Follow-ups waiting for {Target} are still not recorded", target);
            }
        }
        if (done > 0)
        {
            logger.LogInformation("Recorded the follow-ups that had waited for {Count} aggregates", done);
        }
        return done;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "The follow-up sweep could not read the outbox");
            }
        }
    }
}
