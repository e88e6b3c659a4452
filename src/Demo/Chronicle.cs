using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Initiatives;
using LearningOrg.Domain.Networks;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Demo;

/// <summary>
/// Collects the story's events as its chapters tell them. Chapters are written one school or one theme at a time,
/// so the chronicle keeps them in telling order; <see cref="DemoStory"/> then puts them in the order they happened.
/// It also remembers who was on which staff when, so that a chapter can invite "everyone on the staff that day".
/// </summary>
internal sealed class Chronicle
{
    private readonly List<(string Id, DomainEvent Event)> entries = [];
    private readonly List<(string TeacherId, string SchoolId, DateTimeOffset From)> joins = [];
    private readonly List<(string TeacherId, string SchoolId, DateTimeOffset At)> departures = [];

    public IReadOnlyList<(string Id, DomainEvent Event)> Entries => entries;

    public SchoolChapter School(string schoolId) => new(this, schoolId);

    public TeacherChapter Teacher(string teacherId) => new(this, teacherId);

    public InitiativeChapter Initiative(string initiativeId) => new(this, initiativeId);

    public NetworkChapter Network(string networkId) => new(this, networkId);

    internal void Add(string id, DomainEvent @event)
    {
        if (@event.OccurredAt == default)
        {
            throw new InvalidOperationException($"Every demo event needs its occurredAt; {@event.GetType().Name} for {id} has none.");
        }
        entries.Add((id, @event));
    }

    internal void Joined(string teacherId, string schoolId, DateTimeOffset at) => joins.Add((teacherId, schoolId, at));

    internal void Left(string teacherId, string schoolId, DateTimeOffset at) => departures.Add((teacherId, schoolId, at));

    /// <summary>The teachers on a school's staff at a moment, in the order they joined it.</summary>
    public ImmutableArray<string> StaffOf(string schoolId, DateTimeOffset at) =>
        [.. joins
            .Where(j => j.SchoolId == schoolId && j.From <= at)
            .Where(j => !departures.Any(d => d.TeacherId == j.TeacherId && d.SchoolId == schoolId && d.At > j.From && d.At <= at))
            .Select(j => j.TeacherId)
            .Distinct()];
}

/// <summary>What happens in one school.</summary>
internal sealed class SchoolChapter(Chronicle chronicle, string schoolId)
{
    public string Id => schoolId;

    /// <summary>Everyone on the staff that day.</summary>
    public ImmutableArray<string> Everyone(DateTimeOffset at) => chronicle.StaffOf(schoolId, at);

    /// <summary>Everyone on the staff that day but the ones named.</summary>
    public ImmutableArray<string> EveryoneBut(DateTimeOffset at, params string[] absent) => [.. Everyone(at).Except(absent)];

    public void Register(DateTimeOffset at, string name, string district, int staffCount) =>
        Record(new SchoolRegistered(name, district, staffCount) { OccurredAt = at });

    public void StaffCount(DateTimeOffset at, int staffCount) => Record(new StaffCountChanged(staffCount) { OccurredAt = at });

    /// <summary>A teacher leaves the profession (retires, say): the one staff departure a school records itself.</summary>
    public void LeavesProfession(DateTimeOffset at, string teacherId)
    {
        Record(new TeacherLeftStaff(teacherId) { OccurredAt = at });
        chronicle.Left(teacherId, schoolId, at);
    }

    public void Stage(DateTimeOffset at, LeadershipStage stage, string assessedBy, string evidence) =>
        Record(new LeadershipStageAssessed(stage, evidence, assessedBy) { OccurredAt = at });

    /// <summary>A role of the description's type: its kind (teacher leadership or an administrative appointment) is the type's.</summary>
    public void DefineRole(DateTimeOffset at, RoleDescription role, decimal hoursPerWeek, int seats, DecidedAt decidedAt) =>
        Record(new TeacherLeaderRoleDefined(role.RoleId, role.Title, role.Category, role.Commitments, role.Expectations, hoursPerWeek, seats, decidedAt,
            RoleTypeId: role.RoleTypeId, Purpose: role.Purpose, SupervisedBy: role.SupervisedBy, Selection: role.Selection, Term: role.Term,
            Compensation: role.Compensation)
        {
            OccurredAt = at,
        });

    public void RetireRole(DateTimeOffset at, string roleId, string reason) =>
        Record(new TeacherLeaderRoleRetired(roleId, reason) { OccurredAt = at });

    public void Assign(DateTimeOffset at, string roleId, string teacherId) => Record(new RoleAssigned(roleId, teacherId) { OccurredAt = at });

    public void Vacate(DateTimeOffset at, string roleId, string teacherId, string reason) =>
        Record(new RoleVacated(roleId, teacherId, reason) { OccurredAt = at });

    public void Decision(DateTimeOffset at, string decisionId, string title, string area, DecisionMode mode,
        ImmutableArray<string> participants, string rationale, bool equityFocus = false) =>
        Record(new DecisionRecorded(decisionId, title, area, mode, participants, equityFocus, rationale) { OccurredAt = at });

    public void Condition(DateTimeOffset at, string condition, int rating, string strategy) =>
        Record(new SchoolConditionAssessed(condition, rating, strategy) { OccurredAt = at });

    public void PrincipalMove(DateTimeOffset at, string move, string? teacherId, string note) =>
        Record(new PrincipalMoveRecorded(move, teacherId, note) { OccurredAt = at });

    public void Discussion(DateTimeOffset at, string topic, ImmutableArray<string> participants, ImmutableArray<string> agreements) =>
        Record(new LeadershipDiscussionHeld(topic, participants, agreements) { OccurredAt = at });

    public void EpisodeOpened(DateTimeOffset at, string episodeId, string teacherId, BreakingRanksAct act, BreakingRanksLevel level, string description) =>
        Record(new BreakingRanksEpisodeOpened(episodeId, teacherId, act, description, level) { OccurredAt = at });

    public void ColleagueReacted(DateTimeOffset at, string episodeId, string teacherId, ReactionIntensity intensity, string note) =>
        Record(new BreakingRanksReactionRecorded(episodeId, ReactorKind.Colleague, teacherId, null, intensity, note) { OccurredAt = at });

    public void TeamReacted(DateTimeOffset at, string episodeId, string team, ReactionIntensity intensity, string note) =>
        Record(new BreakingRanksReactionRecorded(episodeId, ReactorKind.Team, null, team, intensity, note) { OccurredAt = at });

    public void Reacted(DateTimeOffset at, string episodeId, ReactorKind reactedBy, ReactionIntensity intensity, string note) =>
        Record(new BreakingRanksReactionRecorded(episodeId, reactedBy, null, null, intensity, note) { OccurredAt = at });

    public void Supported(DateTimeOffset at, string episodeId, SupportKind kind, string note) =>
        Record(new BreakingRanksSupportGiven(episodeId, kind, note) { OccurredAt = at });

    public void Deescalated(DateTimeOffset at, string episodeId, BreakingRanksLevel level, string note) =>
        Record(new BreakingRanksEpisodeDeescalated(episodeId, level, note) { OccurredAt = at });

    public void Escalated(DateTimeOffset at, string episodeId, BreakingRanksLevel level, string note) =>
        Record(new BreakingRanksEpisodeEscalated(episodeId, level, note) { OccurredAt = at });

    public void Resolved(DateTimeOffset at, string episodeId, EpisodeOutcome outcome, string note) =>
        Record(new BreakingRanksEpisodeResolved(episodeId, outcome, note) { OccurredAt = at });

    private void Record(SchoolEvent @event) => chronicle.Add(schoolId, @event);
}

/// <summary>What happens to one teacher.</summary>
internal sealed class TeacherChapter(Chronicle chronicle, string teacherId)
{
    /// <summary>The teacher is registered, which also puts them on the school's staff.</summary>
    public void Register(DateTimeOffset at, string name, string schoolId, ImmutableArray<string> subjects, ImmutableArray<string> grades, int yearsExperience)
    {
        Record(new TeacherRegistered(name, schoolId, subjects, grades, yearsExperience) { OccurredAt = at });
        chronicle.Joined(teacherId, schoolId, at);
    }

    /// <summary>The teacher moves to another school's staff; both staffs change.</summary>
    public void Moves(DateTimeOffset at, string fromSchoolId, string toSchoolId)
    {
        Record(new TeacherMovedSchool(fromSchoolId, toSchoolId) { OccurredAt = at });
        chronicle.Left(teacherId, fromSchoolId, at);
        chronicle.Joined(teacherId, toSchoolId, at);
    }

    public void Learned(DateTimeOffset at, string program, decimal hours, string focus) =>
        Record(new ProfessionalLearningCompleted(program, hours, focus) { OccurredAt = at });

    public void Observed(DateTimeOffset at, LeadershipAct act, LeadershipDomain domain, string observedBy, string note) =>
        Record(new InformalLeadershipObserved(act, domain, note, observedBy) { OccurredAt = at });

    public void Joins(DateTimeOffset at, string community) => Record(new CollaborationJoined(community) { OccurredAt = at });

    private void Record(TeacherEvent @event) => chronicle.Add(teacherId, @event);
}

/// <summary>What happens in one initiative.</summary>
internal sealed class InitiativeChapter(Chronicle chronicle, string initiativeId)
{
    public void Launch(DateTimeOffset at, string name, Sponsor sponsor, string purpose, ImmutableArray<string> priorities) =>
        Record(new InitiativeLaunched(name, sponsor, purpose, priorities) { OccurredAt = at });

    public void Engage(DateTimeOffset at, string stakeholder, string role) => Record(new StakeholderEngaged(stakeholder, role) { OccurredAt = at });

    public void AssessContext(DateTimeOffset at, ImmutableArray<string> resources, ImmutableArray<string> dataSystems,
        ImmutableArray<string> fundingSources, ImmutableArray<string> existingCollaboration, ImmutableArray<string> trustBarriers) =>
        Record(new ContextAssessed(resources, dataSystems, fundingSources, existingCollaboration, trustBarriers) { OccurredAt = at });

    public void Advance(DateTimeOffset at, Phase phase) => Record(new PhaseAdvanced(phase) { OccurredAt = at });

    public void Framework(DateTimeOffset at, string roleTitle, ImmutableArray<string> tight, ImmutableArray<string> loose,
        string? roleTypeId = null, decimal? minimumHoursPerWeek = null, SelectionProcess? requiredSelection = null) =>
        Record(new RoleFrameworkSet(roleTitle, tight, loose, roleTypeId, minimumHoursPerWeek, requiredSelection) { OccurredAt = at });

    public void AddRoleType(DateTimeOffset at, string typeId, string name, RoleTypeGroup group, RoleKind kind, string description) =>
        Record(new RoleTypeAdded(typeId, name, group, kind, description) { OccurredAt = at });

    public void Measure(DateTimeOffset at, string measureId, string name, MeasureHorizon horizon, string unit, decimal baseline, decimal target) =>
        Record(new MeasureDefined(measureId, name, horizon, unit, baseline, target) { OccurredAt = at });

    public void Observe(DateTimeOffset at, string measureId, decimal value, string source, string? schoolId = null) =>
        Record(new MeasureObserved(measureId, value, source, schoolId) { OccurredAt = at });

    public void Answer(DateTimeOffset at, KeyQuestion question, string answer, string evidence) =>
        Record(new KeyQuestionAnswered(question, answer, evidence) { OccurredAt = at });

    public void Enroll(DateTimeOffset at, string schoolId) => Record(new SchoolEnrolled(schoolId) { OccurredAt = at });

    public void InterventionStarted(DateTimeOffset at, string interventionId, string schoolId, string kind, string hypothesis) =>
        Record(new InterventionStarted(interventionId, schoolId, kind, hypothesis) { OccurredAt = at });

    public void InterventionCompleted(DateTimeOffset at, string interventionId, string outcome, string evidence) =>
        Record(new InterventionCompleted(interventionId, outcome, evidence) { OccurredAt = at });

    private void Record(InitiativeEvent @event) => chronicle.Add(initiativeId, @event);
}

/// <summary>What happens in one network.</summary>
internal sealed class NetworkChapter(Chronicle chronicle, string networkId)
{
    public void Form(DateTimeOffset at, string name, string purpose) => Record(new NetworkFormed(name, purpose) { OccurredAt = at });

    public void Join(DateTimeOffset at, string schoolId) => Record(new SchoolJoinedNetwork(schoolId) { OccurredAt = at });

    private void Record(NetworkEvent @event) => chronicle.Add(networkId, @event);
}

/// <summary>A teacher-leader role's job description, shared by the schools that define the role.</summary>
internal sealed record RoleDescription(string RoleId, string Title, string Category, ImmutableArray<string> Commitments, ImmutableArray<string> Expectations)
{
    /// <summary>The role's type in the catalog (<see cref="RoleTypeCatalog"/>).</summary>
    public required string RoleTypeId { get; init; }

    public string? Purpose { get; init; }

    public RoleSupervisor? SupervisedBy { get; init; }

    public SelectionProcess? Selection { get; init; }

    public string? Term { get; init; }

    public string? Compensation { get; init; }
}
