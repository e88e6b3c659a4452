namespace LearningOrg.Bench.Harness;

/// <summary>One of issue 7's scenarios: measures our path and its baseline in the same run.</summary>
public interface IScenario
{
    /// <summary>The scenario's number in issue 7, which orders the report.</summary>
    int Number { get; }

    /// <summary>A short name for the command line (--only), e.g. "ingest".</summary>
    string Name { get; }

    Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken);
}
