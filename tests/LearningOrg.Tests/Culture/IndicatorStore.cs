using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.EventStore;
using LearningOrg.ReadModels;
using LearningOrg.Tests.Infrastructure;
using Marten;

namespace LearningOrg.Tests.Culture;

/// <summary>
/// A store of its own in the test PostgreSQL, with every read model, written to directly: the histories of the
/// indicator table's tests need not obey the grains' rules, and are entered in any order.
/// </summary>
public sealed class IndicatorStore : IAsyncLifetime
{
    public IDocumentStore Store { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Store = DocumentStore.For(options => ReadModelSetup.ConfigureStore(options, TestDatabase.ConnectionString, TestDatabase.NewSchema()));
        await Store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
    }

    public Task DisposeAsync()
    {
        Store.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>Appends the events in one transaction: the school's own onto its stream, a teacher's onto the teacher's.</summary>
    public async Task AppendAsync(string schoolId, IEnumerable<(string? TeacherId, DomainEvent Event)> events)
    {
        await using var session = Store.LightweightSession();
        foreach (var (teacherId, @event) in events)
        {
            session.Events.Append(teacherId is null ? StreamKeys.For(StreamKeys.School, schoolId) : StreamKeys.For(StreamKeys.Teacher, teacherId), @event);
        }
        await session.SaveChangesAsync();
    }

    /// <summary>The school's rows in the indicator table, in month order.</summary>
    public async Task<IReadOnlyList<SchoolMonthIndicators>> RowsAsync(string schoolId)
    {
        await using var session = Store.QuerySession();
        var rows = await session.Query<SchoolMonthIndicators>().Where(x => x.SchoolId == schoolId).ToListAsync();
        return [.. rows.OrderBy(r => r.Month)];
    }

    /// <summary>
    /// The school's indicators by month, computed from the events the store holds, over the table's months: from its
    /// registration to the month they settle at.
    /// </summary>
    public async Task<IReadOnlyList<CulturePoint>> FromEventsAsync(string schoolId)
    {
        var trajectory = await TrajectoryAsync(schoolId);
        var first = Months.Of(trajectory.RegisteredAt ?? trajectory.LastEventAt!.Value);
        return trajectory.Monthly(first, CultureTrajectory.SettledMonth(Months.Of(trajectory.LastEventAt!.Value)));
    }

    /// <summary>The school's trajectory over the events the store holds.</summary>
    public async Task<CultureTrajectory> TrajectoryAsync(string schoolId)
    {
        var history = (await new SchoolHistoryReader(Store).ReadSchoolAsync(schoolId, CancellationToken.None))!;
        return new CultureTrajectory(history.Events);
    }
}
