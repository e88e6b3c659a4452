using Microsoft.Extensions.Configuration;

namespace LearningOrg.EventStore;

/// <summary>How <see cref="GroupCommit"/> gathers appends into transactions (configuration section GroupCommit).</summary>
public sealed record GroupCommitOptions(int MaxBatchSize, int MaxInFlight)
{
    public const string Section = "GroupCommit";

    /// <summary>Large enough that 64 busy callers share a transaction; small enough that one transaction stays short.</summary>
    public const int DefaultMaxBatchSize = 128;

    /// <summary>Two: while one transaction commits, the next can already be sent (measured faster than one at a time).</summary>
    public const int DefaultMaxInFlight = 2;

    public static GroupCommitOptions Default { get; } = new(DefaultMaxBatchSize, DefaultMaxInFlight);

    public static GroupCommitOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var options = new GroupCommitOptions(
            section.GetValue(nameof(MaxBatchSize), DefaultMaxBatchSize),
            section.GetValue(nameof(MaxInFlight), DefaultMaxInFlight));
        if (options.MaxBatchSize < 1 || options.MaxInFlight < 1)
        {
            throw new InvalidOperationException($"{Section}:{nameof(MaxBatchSize)} and {Section}:{nameof(MaxInFlight)} must be at least 1.");
        }
        return options;
    }
}
