using System.Text.Json;
using BenchmarkDotNet.Attributes;
using LearningOrg.Api.Contracts;
using LearningOrg.Api.Endpoints;
using LearningOrg.Api.Http;
using LearningOrg.Bench.Harness;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Json;
using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;
using LearningOrg.ReadModels;
using LearningOrg.Research;
using Marten;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Bench.Scenarios;

/// <summary>
/// Scenario 5: a 100-entry page of a long school's timeline (GET /api/schools/{id}/timeline), the comparison of a
/// network's 200 schools and of a state's 2,000 at a date after a write (GET /api/networks/{id}/comparison), and a school's state as a pseudonymized
/// researcher reads it beside an administrator (GET /api/schools/{id}/state), each through the classes those endpoints call.
/// </summary>
public sealed class QueriesScenario : IScenario
{
    public int Number => 5;

    public string Name => "queries";

    public async Task<IReadOnlyList<ScenarioReport>> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var reports = new List<ScenarioReport> { await TimelineAsync(context, cancellationToken) };
        // A network's 200 schools, then a state's 2,000: the two comparison targets.
        foreach (var schools in new[] { context.Scale.NetworkSchools, context.Scale.StateNetworkSchools }.Distinct())
        {
            reports.Add(await ComparisonAsync(context, schools, cancellationToken));
        }
        reports.Add(await ResearcherStateAsync(context, cancellationToken));
        return reports;
    }

    private async Task<ScenarioReport> ResearcherStateAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var data = await ReadDataSets.LongSchoolAsync(context, cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, data.Schema, cancellationToken);
        ResearcherStateBenchmarks.Subject = new ResearcherStateSubject(silo, data.SchoolId);
        var latencies = InProcessLatency.Run<ResearcherStateBenchmarks>(context);

        var researcher = latencies[nameof(ResearcherStateBenchmarks.Researcher)];
        var admin = latencies[nameof(ResearcherStateBenchmarks.Administrator)];
        var ratio = researcher.MedianMs / admin.MedianMs;
        return new ScenarioReport(Number, $"A school's state as a pseudonymized researcher reads it, in a store of {data.StoreEvents:N0} events",
            InProcessLatency.Method(context) +
            $"School {data.SchoolId} (as in scenario 3). An operation is what GET /api/schools/{{id}}/state does in-process: the school " +
            "grain's state, and the answer written as JSON. A pseudonymized researcher's answer is built again from its types " +
            "(PseudonymizedView: keyed pseudonyms, name fields left out) with its free text looked up in the known-people read model " +
            "(NameMask, one query by the answer's words). Baseline: the administrator's read of the same state, in the same run.",
            [
                new Measurement("pseudonymized researcher's state read (LearningOrg)", researcher.Count, "reads", null, researcher),
                new Measurement("baseline: administrator's state read", admin.Count, "reads", null, admin),
            ],
            [
                TargetCheck.AtMost("researcher's state read at most 2x the administrator's (median)", ratio, 2, "x"),
            ],
            [
                $"At the median the researcher's read takes {ratio:0.00}x the administrator's. Nothing it does reads the event store: " +
                "pseudonyms are keyed hashes, and the names are found by the words the answer holds, so its cost follows the answer, not the store.",
            ]);
    }

    private async Task<ScenarioReport> TimelineAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var data = await ReadDataSets.LongSchoolAsync(context, cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, data.Schema, cancellationToken);
        var subject = await TimelineSubject.CreateAsync(silo, data, cancellationToken);
        TimelineBenchmarks.Subject = subject;
        var latencies = InProcessLatency.Run<TimelineBenchmarks>(context);

        var first = latencies[nameof(TimelineBenchmarks.FirstPage)];
        var any = latencies[nameof(TimelineBenchmarks.AnyPage)];
        var raw = latencies[nameof(TimelineBenchmarks.RawRows)];
        return new ScenarioReport(Number, $"A {TimelineSubject.PageSize}-entry timeline page of a school with {data.SchoolEvents:N0} events",
            InProcessLatency.Method(context) +
            $"School {data.SchoolId} (as in scenario 3): its timeline holds {subject.Total:N0} entries (its own events and its teachers' while on its " +
            $"staff), {subject.Pages:N0} pages of {TimelineSubject.PageSize}. An operation is what GET /api/schools/{{id}}/timeline?page=&pageSize=100 " +
            "does in-process: the school's existence check, TimelineQueries.TimelineAsync (the page in occurredAt order and the total count), and " +
            "the response's items. The first page (the route's default), and pages taken in turn from all over the timeline. " +
            "Baseline: a raw SQL read of the same page's rows by id (select data from mt_doc_timeline_entry where id = any(@ids)), in the same run.",
            [
                new Measurement("first page (LearningOrg)", first.Count, "pages", null, first),
                new Measurement("any page (LearningOrg)", any.Count, "pages", null, any),
                new Measurement("baseline: raw SQL read of the page's rows", raw.Count, "reads", null, raw),
            ],
            [
                TargetCheck.AtMost("timeline page p95 at most 20 ms (first page)", first.P95Ms, 20, "ms"),
                TargetCheck.AtMost("timeline page p95 at most 20 ms (any page)", any.P95Ms, 20, "ms"),
            ],
            [
                "A page is four round trips to PostgreSQL (the school's existence, the page's ids from the order index, the count from " +
                $"the same index, then the {TimelineSubject.PageSize} entries by id); the baseline is one. The ids of a deep page are " +
                $"found by skipping the earlier ones in the index, so the last pages cost the most: up to {subject.Total:N0} index entries.",
            ]);
    }

    private async Task<ScenarioReport> ComparisonAsync(BenchContext context, int schools, CancellationToken cancellationToken)
    {
        var data = await ReadDataSets.NetworkAsync(context, schools, cancellationToken);
        await using var silo = await BenchSilo.StartAsync(context.ConnectionString, data.Schema, cancellationToken);
        var subject = await ComparisonSubject.CreateAsync(silo, data, cancellationToken);
        ComparisonBenchmarks.Subject = subject;
        var latencies = InProcessLatency.Run<ComparisonBenchmarks>(context);

        var cold = latencies[nameof(ComparisonBenchmarks.AfterAWrite)];
        var warm = latencies[nameof(ComparisonBenchmarks.Repeated)];
        var raw = latencies[nameof(ComparisonBenchmarks.RawRows)];
        var trajectory = latencies[nameof(ComparisonBenchmarks.Trajectory)];
        var rawTrajectory = latencies[nameof(ComparisonBenchmarks.RawTrajectoryRows)];
        return new ScenarioReport(Number, $"Network comparison of {data.Schools:N0} schools at a date, and a school's trajectory",
            InProcessLatency.Method(context) +
            $"Network {data.NetworkId}: copies of the demo story side by side, all joining the one network, {data.StoreEvents:N0} events; " +
            $"compared at {data.At:yyyy-MM-dd HH:mm} UTC, when {subject.Members} schools are members. An operation is CultureQueries.ComparisonAsync, " +
            "what GET /api/networks/{id}/comparison?at= calls: the store's safe high-water mark, then, unless the same comparison was computed at " +
            "that mark, the network's stream and the member schools' rows of the month in the indicator table (SchoolMonthIndicators, kept inline; " +
            $"{subject.Computed} of them have no row that month, their latest event being earlier, and are computed from their events). " +
            "After a write: before each operation an event is recorded in a stream outside the network, so the mark moves and the comparison " +
            "is read anew. Repeated: the store unchanged since the same comparison. Trajectory: CultureQueries.TrajectoryAsync of school " +
            $"{subject.TrajectorySchool} ({subject.TrajectoryMonths} months), what GET /api/schools/{{id}}/trajectory calls. " +
            "Baselines: raw SQL reads of the same rows (select data from mt_doc_school_month_indicators where id = any(@ids)), in the same run.",
            [
                new Measurement("comparison after a write (LearningOrg)", cold.Count, "comparisons", null, cold),
                new Measurement("comparison repeated (LearningOrg, store unchanged)", warm.Count, "comparisons", null, warm),
                new Measurement("baseline: raw SQL read of the comparison's rows", raw.Count, "reads", null, raw),
                new Measurement("a school's trajectory (LearningOrg)", trajectory.Count, "trajectories", null, trajectory),
                new Measurement("baseline: raw SQL read of the trajectory's rows", rawTrajectory.Count, "reads", null, rawTrajectory),
            ],
            [
                TargetCheck.AtMost($"network comparison of {data.Schools} schools p95 at most {ComparisonTarget(data.Schools)} ms (after a write)", cold.P95Ms, ComparisonTarget(data.Schools), "ms"),
                TargetCheck.AtMost("a school's trajectory p95 at most 20 ms", trajectory.P95Ms, 20, "ms"),
            ],
            [
                $"A comparison reads the network's stream and one row per member school; the raw read of those rows takes {raw.MedianMs:0.00} ms " +
                $"at the median, the comparison {cold.MedianMs:0.00} ms. A school whose latest event lies before the compared month has no row " +
                "for it (its trailing windows still move) and is computed from its events.",
            ]);
    }

    /// <summary>The targets: 50 ms for a network of up to 200 schools, 200 ms for a state's 2,000.</summary>
    private static double ComparisonTarget(int schools) => schools <= 200 ? 50 : 200;
}

/// <summary>What the timeline benchmarks act on; set before BenchmarkDotNet runs them.</summary>
public sealed class TimelineSubject
{
    public const int PageSize = TimelineEndpoints.DefaultPageSize;

    private readonly IDocumentStore store;
    private readonly string schoolId;
    private readonly Lock gate = new();
    private readonly int[] pageOrder;
    private readonly Dictionary<int, string[]> idsOfPage = [];
    private int next;

    private TimelineSubject(IDocumentStore store, string schoolId, long total)
    {
        this.store = store;
        this.schoolId = schoolId;
        Total = total;
        Pages = (int)((total + PageSize - 1) / PageSize);
        pageOrder = [.. Enumerable.Range(1, Pages)];
        new Random(5).Shuffle(pageOrder);
    }

    public long Total { get; }

    public int Pages { get; }

    public static async Task<TimelineSubject> CreateAsync(BenchSilo silo, LongSchoolData data, CancellationToken cancellationToken)
    {
        await using var session = silo.Store.QuerySession();
        var first = await session.TimelineAsync(Query(data.SchoolId, 1), cancellationToken);
        var subject = new TimelineSubject(silo.Store, data.SchoolId, first.Total);
        foreach (var page in subject.pageOrder)
        {
            var entries = await session.TimelineAsync(Query(data.SchoolId, page), cancellationToken);
            subject.idsOfPage[page] = [.. entries.Entries.Select(e => e.Id)];
        }
        return subject;
    }

    public Task<int> FirstPageAsync() => PageAsync(1);

    public Task<int> AnyPageAsync() => PageAsync(NextPage());

    /// <summary>The rows of a page taken in turn, read by id.</summary>
    public Task<long> RawRowsAsync() =>
        RawSql.ReadTextAsync(store, "select data::text from {schema}.mt_doc_timeline_entry where id = any(@ids)", ("ids", idsOfPage[NextPage()]));

    /// <summary>What the timeline route does for a page, short of writing the JSON.</summary>
    private async Task<int> PageAsync(int page)
    {
        await using var session = store.QuerySession();
        if (!await session.SchoolExistsAsync(schoolId, CancellationToken.None))
        {
            throw new InvalidOperationException($"School {schoolId} is missing.");
        }
        var result = await session.TimelineAsync(Query(schoolId, page), CancellationToken.None);
        var pages = (result.Total + PageSize - 1) / PageSize;
        var response = new TimelineResponse(schoolId, page, PageSize, result.Total, pages, page < pages, [.. result.Entries.Select(TimelineItem.From)]);
        return response.Entries.Count;
    }

    private int NextPage()
    {
        lock (gate)
        {
            return pageOrder[next++ % pageOrder.Length];
        }
    }

    private static TimelineQuery Query(string schoolId, int page) => new(schoolId, [], null, null, null, page, PageSize);
}

/// <summary>What the network comparison benchmarks act on; set before BenchmarkDotNet runs them.</summary>
public sealed class ComparisonSubject
{
    private readonly IDocumentStore store;
    private readonly CultureQueries queries;
    private readonly NetworkData data;
    private readonly string[] rows;
    private readonly string[] trajectoryRows;

    private ComparisonSubject(IDocumentStore store, CultureQueries queries, NetworkData data, string[] rows, string[] trajectoryRows,
        string trajectorySchool, int members, int computed)
    {
        this.store = store;
        this.queries = queries;
        this.data = data;
        this.rows = rows;
        this.trajectoryRows = trajectoryRows;
        TrajectorySchool = trajectorySchool;
        Members = members;
        Computed = computed;
    }

    /// <summary>The school whose trajectory is read: the comparison's first.</summary>
    public string TrajectorySchool { get; }

    public int TrajectoryMonths => trajectoryRows.Length;

    /// <summary>Members with no row in the compared month, computed from their events.</summary>
    public int Computed { get; }

    /// <summary>The network's members at the date, as the comparison found them.</summary>
    public int Members { get; }

    public static async Task<ComparisonSubject> CreateAsync(BenchSilo silo, NetworkData data, CancellationToken cancellationToken)
    {
        // The API registers CultureQueries as a singleton over the silo's SchoolHistoryReader; so does this.
        var reader = silo.Services.GetRequiredService<SchoolHistoryReader>();
        var queries = new CultureQueries(reader, silo.Reader);
        var (comparison, problem) = await queries.ComparisonAsync(data.NetworkId, data.At, cancellationToken);
        if (problem is not null)
        {
            throw new InvalidOperationException($"The comparison of {data.NetworkId} failed: {problem.Message}");
        }
        var month = Months.Of(data.At);
        string[] rows = [.. comparison!.Schools.Select(s => SchoolMonthIndicators.IdFor(s.SchoolId, month))];
        await using var session = silo.Store.QuerySession();
        var held = (await session.LoadManyAsync<SchoolMonthIndicators>(cancellationToken, rows)).Count;
        var school = comparison.Schools[0].SchoolId;
        var trajectory = (await queries.TrajectoryAsync(school, null, null, cancellationToken)).Value!;
        string[] trajectoryRows = [.. trajectory.Points.Select(p => SchoolMonthIndicators.IdFor(school, p.Month))];
        return new ComparisonSubject(silo.Store, queries, data, rows, trajectoryRows, school, comparison.Schools.Count, rows.Length - held);
    }

    /// <summary>Records an event in a stream of its own, outside the network: the store's high-water mark moves, so the next comparison is read anew.</summary>
    public async Task WriteElsewhereAsync()
    {
        await using var session = store.LightweightSession();
        session.Events.StartStream(StreamKeys.For(StreamKeys.School, $"bench-elsewhere-{Guid.NewGuid():N}"),
            new SchoolRegistered("Elsewhere", "Bench", 30) { OccurredAt = data.At });
        await session.SaveChangesAsync();
    }

    public async Task<int> ComparisonAsync()
    {
        var (comparison, problem) = await queries.ComparisonAsync(data.NetworkId, data.At, CancellationToken.None);
        return problem is null ? comparison!.Schools.Count : throw new InvalidOperationException(problem.Message);
    }

    public async Task<int> TrajectoryAsync()
    {
        var (trajectory, problem) = await queries.TrajectoryAsync(TrajectorySchool, null, null, CancellationToken.None);
        return problem is null ? trajectory!.Points.Count : throw new InvalidOperationException(problem.Message);
    }

    public Task<long> RawRowsAsync() =>
        RawSql.ReadTextAsync(store, "select data::text from {schema}.mt_doc_school_month_indicators where id = any(@ids)", ("ids", rows));

    public Task<long> RawTrajectoryRowsAsync() =>
        RawSql.ReadTextAsync(store, "select data::text from {schema}.mt_doc_school_month_indicators where id = any(@ids)", ("ids", trajectoryRows));
}

/// <summary>BenchmarkDotNet's view of the timeline page (<see cref="InProcessLatency"/>).</summary>
public class TimelineBenchmarks
{
    private readonly TimelineSubject subject = Subject ?? throw new InvalidOperationException("Set TimelineBenchmarks.Subject first.");

    public static TimelineSubject? Subject { get; set; }

    [Benchmark]
    public Task<int> FirstPage() => subject.FirstPageAsync();

    [Benchmark]
    public Task<int> AnyPage() => subject.AnyPageAsync();

    [Benchmark(Baseline = true)]
    public Task<long> RawRows() => subject.RawRowsAsync();
}

/// <summary>BenchmarkDotNet's view of the network comparison (<see cref="InProcessLatency"/>).</summary>
public class ComparisonBenchmarks
{
    private readonly ComparisonSubject subject = Subject ?? throw new InvalidOperationException("Set ComparisonBenchmarks.Subject first.");

    public static ComparisonSubject? Subject { get; set; }

    [IterationSetup(Target = nameof(AfterAWrite))]
    public void WriteElsewhere() => subject.WriteElsewhereAsync().GetAwaiter().GetResult();

    [Benchmark]
    public Task<int> AfterAWrite() => subject.ComparisonAsync();

    [Benchmark]
    public Task<int> Repeated() => subject.ComparisonAsync();

    [Benchmark(Baseline = true)]
    public Task<long> RawRows() => subject.RawRowsAsync();

    [Benchmark]
    public Task<int> Trajectory() => subject.TrajectoryAsync();

    [Benchmark]
    public Task<long> RawTrajectoryRows() => subject.RawTrajectoryRowsAsync();
}

/// <summary>What the researcher state benchmarks act on; set before BenchmarkDotNet runs them.</summary>
public sealed class ResearcherStateSubject(BenchSilo silo, string schoolId)
{
    private static readonly JsonSerializerOptions Json = CreateJson();

    private readonly Pseudonymizer pseudonyms = new("bench-pseudonym-key");

    /// <summary>The administrator's answer: the grain's state as JSON.</summary>
    public async Task<int> AdministratorAsync()
    {
        var response = await ResponseAsync();
        return JsonSerializer.SerializeToUtf8Bytes(response, Json).Length;
    }

    /// <summary>The pseudonymized researcher's answer, built as PseudonymizedReads builds it.</summary>
    public async Task<int> ResearcherAsync()
    {
        var response = await ResponseAsync();
        var view = await PseudonymizedView.BuildAsync(response, pseudonyms, pseudonyms.Teacher, Json,
            texts => NameMask.ForAsync(silo.Store, texts, pseudonyms.Teacher, CancellationToken.None));
        return JsonSerializer.SerializeToUtf8Bytes(view, Json).Length;
    }

    private async Task<StateResponse<SchoolState>> ResponseAsync()
    {
        var view = await silo.Grains.GetGrain<ISchoolGrain>(schoolId).GetState()
            ?? throw new InvalidOperationException($"School {schoolId} is missing.");
        return new StateResponse<SchoolState>(schoolId, view.Version, null, view.State);
    }

    private static JsonSerializerOptions CreateJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        JsonContract.Configure(options);
        return options;
    }
}

/// <summary>BenchmarkDotNet's view of the state reads (<see cref="InProcessLatency"/>).</summary>
public class ResearcherStateBenchmarks
{
    private readonly ResearcherStateSubject subject = Subject ?? throw new InvalidOperationException("Set ResearcherStateBenchmarks.Subject first.");

    public static ResearcherStateSubject? Subject { get; set; }

    [Benchmark]
    public Task<int> Researcher() => subject.ResearcherAsync();

    [Benchmark(Baseline = true)]
    public Task<int> Administrator() => subject.AdministratorAsync();
}
