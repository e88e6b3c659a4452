using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Schools;

namespace LearningOrg.Domain.Teachers;

/// <summary>The teacher-leader aggregate: its rules and its fold.</summary>
public sealed class Teacher : IAggregate<TeacherState, TeacherEvent>
{
    public const int MaxYearsExperience = 60;
    public const decimal MaxLearningHours = 2000;

    public static bool IsCreation(TeacherEvent @event) => @event is TeacherRegistered;

    public static TeacherState Create(TeacherEvent creation) => creation is TeacherRegistered e
        ? new TeacherState(e.Name, e.SchoolId, e.Subjects, e.Grades, e.YearsExperience, e.OccurredAt, [], 0, 0, [], [], e.OccurredAt, e.OccurredAt)
        : throw new InvalidOperationException($"A teacher's stream must begin with {nameof(TeacherRegistered)}, not {creation.GetType().Name}.");

    public static TeacherState Apply(TeacherState state, TeacherEvent @event) => (@event switch
    {
        TeacherMovedSchool e => state with { SchoolId = e.ToSchoolId, AtSchoolSince = e.OccurredAt },
        RoleTaken e => state with
        {
            Roles = state.Roles.SetItem(TeacherState.RoleKey(e.SchoolId, e.RoleId), new HeldRole(e.SchoolId, e.RoleId, e.Title, e.OccurredAt)),
            RolesEverTaken = state.RolesEverTaken + 1,
        },
        RoleLeft e => state with { Roles = state.Roles.Remove(TeacherState.RoleKey(e.SchoolId, e.RoleId)) },
        ProfessionalLearningCompleted e => state with { ProfessionalLearningHours = state.ProfessionalLearningHours + e.Hours },
        InformalLeadershipObserved e => state with
        {
            InformalActsByDomain = state.InformalActsByDomain.SetItem(e.Domain, state.InformalActsByDomain.GetValueOrDefault(e.Domain) + 1),
        },
        CollaborationJoined e => state with { Collaborations = state.Collaborations.Add(e.Community) },
        TeacherRegistered => state,
        _ => throw new UnhandledEventException(AggregateKind.Teacher, @event),
    }) with
    { LastEventAt = @event.OccurredAt > state.LastEventAt ? @event.OccurredAt : state.LastEventAt };

    /// <summary>A registration puts the teacher on the school's staff; a move takes them off one staff and onto another.</summary>
    public static IEnumerable<FollowUp> FollowUpsOf(string id, TeacherState state, TeacherEvent recorded) => recorded switch
    {
        TeacherRegistered e => [new(FollowUp.Join, e.SchoolId, new TeacherJoinedStaff(id) { OccurredAt = e.OccurredAt })],
        TeacherMovedSchool e =>
        [
            new(FollowUp.Leave, e.FromSchoolId, new TeacherLeftStaff(id) { OccurredAt = e.OccurredAt }),
            new(FollowUp.Join, e.ToSchoolId, new TeacherJoinedStaff(id) { OccurredAt = e.OccurredAt }),
        ],
        _ => [],
    };

    /// <summary>A role the teacher already holds, or no longer holds, needs nothing recorded.</summary>
    public static ImmutableArray<TeacherEvent> ReceiveFollowUp(TeacherState? state, TeacherEvent followUp) => (state, followUp) switch
    {
        (not null, RoleTaken e) when state.Roles.ContainsKey(TeacherState.RoleKey(e.SchoolId, e.RoleId)) => [],
        (not null, RoleLeft e) when !state.Roles.ContainsKey(TeacherState.RoleKey(e.SchoolId, e.RoleId)) => [],
        _ => [followUp],
    };

    public static Decision<TeacherEvent> Decide(TeacherState? state, TeacherEvent proposed, DateTimeOffset now)
    {
        if (Aggregate.CheckLifecycle<Teacher, TeacherState, TeacherEvent>(state, proposed, "teacher") is { } lifecycle)
        {
            return lifecycle;
        }
        var violation = Check.OccurredAt(proposed.OccurredAt, now, state?.RegisteredAt, "the teacher's registration")
            ?? (state is null ? CheckRegistration((TeacherRegistered)proposed) : CheckAgainst(state, proposed));
        return violation is null ? Decision<TeacherEvent>.Accept(proposed) : violation;
    }

    private static RuleViolation? CheckRegistration(TeacherRegistered e) =>
        Check.Text(e.Name, "name", Limits.Name)
        ?? Check.Id(e.SchoolId, "schoolId")
        ?? Check.Texts(e.Subjects, "subjects", 20, Limits.Label)
        ?? Check.Texts(e.Grades, "grades", 20, 20)
        ?? Check.Range(e.YearsExperience, "yearsExperience", 0, MaxYearsExperience);

    private static RuleViolation? CheckAgainst(TeacherState state, TeacherEvent proposed) => proposed switch
    {
        TeacherMovedSchool e => Check.Id(e.FromSchoolId, "fromSchoolId")
            ?? Check.Id(e.ToSchoolId, "toSchoolId")
            ?? (e.FromSchoolId != state.SchoolId
                ? RuleViolation.Conflict("not-at-school", $"The teacher is at school {state.SchoolId}, not {e.FromSchoolId}.", "fromSchoolId")
                : null)
            ?? (e.ToSchoolId == e.FromSchoolId ? RuleViolation.Invalid("toSchoolId", "toSchoolId must differ from fromSchoolId.") : null)
            // Checked here, not against the school's staff list, which may not have heard of the arrival yet.
            ?? (e.OccurredAt < state.AtSchoolSince
                ? RuleViolation.Conflict("before-history",
                    $"The teacher joined school {e.FromSchoolId} on {state.AtSchoolSince:O}; they cannot leave it before.", "occurredAt")
                : null)
            ?? (state.Roles.Values.FirstOrDefault() is { } held
                ? RuleViolation.Conflict("holds-role", $"The teacher still holds role {held.RoleId} at {held.SchoolId}; vacate it first.")
                : null),
        RoleTaken e => Check.Id(e.SchoolId, "schoolId")
            ?? Check.Id(e.RoleId, "roleId")
            ?? Check.Text(e.Title, "title", Limits.Name)
            ?? (state.Roles.ContainsKey(TeacherState.RoleKey(e.SchoolId, e.RoleId))
                ? RuleViolation.Conflict("already-holds-role", $"The teacher already holds role {e.RoleId} at {e.SchoolId}.", "roleId")
                : null),
        RoleLeft e => Check.Text(e.Reason, "reason", Limits.Note, required: false)
            ?? (state.Roles.TryGetValue(TeacherState.RoleKey(e.SchoolId, e.RoleId), out var role)
                ? (e.OccurredAt < role.Since ? RuleViolation.Conflict("before-history", "A role cannot be left before it was taken.", "occurredAt") : null)
                : RuleViolation.Conflict("does-not-hold-role", $"The teacher does not hold role {e.RoleId} at {e.SchoolId}.", "roleId")),
        ProfessionalLearningCompleted e => Check.Text(e.Program, "program", Limits.Name)
            ?? Check.Range(e.Hours, "hours", 0, MaxLearningHours)
            ?? Check.Text(e.Focus, "focus", Limits.ShortText, required: false),
        InformalLeadershipObserved e => Check.Defined(e.Act, "act")
            ?? Check.Defined(e.Domain, "domain")
            ?? Check.Text(e.Note, "note", Limits.Note, required: false)
            ?? Check.Text(e.ObservedBy, "observedBy", Limits.Name),
        CollaborationJoined e => Check.Text(e.Community, "community", Limits.Name),
        _ => RuleViolation.Invalid("type", $"{proposed.GetType().Name} is not a teacher event."),
    };
}
