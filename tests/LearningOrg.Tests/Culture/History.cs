using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Culture;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Tests.Culture;

/// <summary>Hand-made school histories for the indicator tests: events at chosen instants, in the order written.</summary>
internal sealed class History
{
    /// <summary>The day the test schools are registered.</summary>
    public static readonly DateTimeOffset Registered = new(2023, 8, 1, 9, 0, 0, TimeSpan.Zero);

    private readonly List<(string? TeacherId, DomainEvent Event)> items = [];

    public static History School(int staffCount = 20) => new History().Add(new SchoolRegistered("Test School", "District", staffCount), Registered);

    public History Add(SchoolEvent @event, DateTimeOffset at)
    {
        items.Add((null, @event with { OccurredAt = at }));
        return this;
    }

    public History Teacher(string teacherId, TeacherEvent @event, DateTimeOffset at)
    {
        items.Add((teacherId, @event with { OccurredAt = at }));
        return this;
    }

    public History Role(string roleId, int seats, DateTimeOffset at, RoleKind kind = RoleKind.TeacherLeadership) =>
        Add(new TeacherLeaderRoleDefined(roleId, roleId, "Instruction", [], [], 2, seats, DecidedAt.School, kind), at);

    public History Joined(string teacherId, DateTimeOffset at) => Add(new TeacherJoinedStaff(teacherId), at);

    public History Assign(string roleId, string teacherId, DateTimeOffset at) => Add(new RoleAssigned(roleId, teacherId), at);

    public History Vacate(string roleId, string teacherId, DateTimeOffset at) => Add(new RoleVacated(roleId, teacherId, ""), at);

    public History Decision(string decisionId, DecisionMode mode, DateTimeOffset at, params string[] participants) =>
        Add(new DecisionRecorded(decisionId, decisionId, "Area", mode, [.. participants], false, ""), at);

    public History InformalAct(string teacherId, DateTimeOffset at) =>
        Teacher(teacherId, new InformalLeadershipObserved(LeadershipAct.ModeledPractice, LeadershipDomain.Instruction, "", "principal"), at);

    public History Opened(string episodeId, DateTimeOffset at, BreakingRanksLevel level = BreakingRanksLevel.SpeakingUp) =>
        Add(new BreakingRanksEpisodeOpened(episodeId, "t1", BreakingRanksAct.SpokeUp, "", level), at);

    public History Escalated(string episodeId, BreakingRanksLevel level, DateTimeOffset at) =>
        Add(new BreakingRanksEpisodeEscalated(episodeId, level, ""), at);

    public History Resolved(string episodeId, DateTimeOffset at, EpisodeOutcome outcome = EpisodeOutcome.Accepted) =>
        Add(new BreakingRanksEpisodeResolved(episodeId, outcome, ""), at);

    public History Stage(LeadershipStage stage, DateTimeOffset at) => Add(new LeadershipStageAssessed(stage, "evidence", "reviewer"), at);

    public ImmutableArray<(string? TeacherId, DomainEvent Event)> Items => [.. items];

    public CultureTrajectory Trajectory() => new(items);

    /// <summary>The indicators at <paramref name="at"/>, with the breaking-ranks period starting at the first of its month.</summary>
    public CulturePoint At(DateTimeOffset at) => Trajectory().At(Months.Start(Months.Of(at)), at);

    /// <summary>The indicators at the end of a month.</summary>
    public CulturePoint Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return Assert.Single(Trajectory().Monthly(first, first));
    }
}
