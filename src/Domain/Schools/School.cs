using System.Collections.Immutable;
using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Domain.Schools;

/// <summary>The school aggregate: its rules and its fold.</summary>
public sealed class School : IAggregate<SchoolState, SchoolEvent>
{
    public const int MaxStaff = 10_000;
    public const int MaxSeats = 100;
    public const decimal MaxHoursPerWeek = 60;

    public static bool IsCreation(SchoolEvent @event) => @event is SchoolRegistered;

    public static SchoolState Create(SchoolEvent creation) => creation is SchoolRegistered e
        ? new SchoolState(e.Name, e.District, e.StaffCount, e.OccurredAt, [], [], [], [], [], null, null, 0, 0, e.OccurredAt)
        : throw new InvalidOperationException($"A school's stream must begin with {nameof(SchoolRegistered)}, not {creation.GetType().Name}.");

    public static SchoolState Apply(SchoolState state, SchoolEvent @event) => @event switch
    {
        SchoolRegistered => state,
        // A value entered late, but older than the one held, does not replace it: valid time decides.
        StaffCountChanged e when e.OccurredAt >= state.StaffCountAt => state with { StaffCount = e.StaffCount, StaffCountAt = e.OccurredAt },
        TeacherJoinedStaff e => state with
        {
            StaffHistory = state.StaffHistory.SetItem(e.TeacherId,
                (state.StaffHistory.TryGetValue(e.TeacherId, out var spells) ? spells : []).Add(new Tenure(e.OccurredAt))),
        },
        TeacherLeftStaff e when state.StaffHistory.TryGetValue(e.TeacherId, out var spells) => state with
        {
            StaffHistory = state.StaffHistory.SetItem(e.TeacherId, spells.SetItem(spells.Length - 1, spells[^1] with { To = e.OccurredAt })),
        },
        LeadershipStageAssessed e when state.StageAssessedAt is null || e.OccurredAt >= state.StageAssessedAt =>
            state with { Stage = e.Stage, StageAssessedAt = e.OccurredAt },
        TeacherLeaderRoleDefined e => state with { Roles = state.Roles.SetItem(e.RoleId, new RoleState(e, [])) },
        RoleRevised e => UpdateRole(state, e.RoleId, r => r with
        {
            Definition = r.Definition with
            {
                Title = e.Title,
                Category = e.Category,
                Commitments = e.Commitments,
                Expectations = e.Expectations,
                HoursPerWeek = e.HoursPerWeek,
                Seats = e.Seats,
                DecidedAt = e.DecidedAt,
                RoleTypeId = e.RoleTypeId,
                Purpose = e.Purpose,
                Qualifications = e.Qualifications,
                SupervisedBy = e.SupervisedBy,
                Support = e.Support,
                Selection = e.Selection,
                Term = e.Term,
                Compensation = e.Compensation,
            },
            Revisions = (r.Revisions.IsDefault ? [] : r.Revisions).Add(e),
        }),
        TeacherLeaderRoleRetired e => UpdateRole(state, e.RoleId, r => r with { RetiredAt = e.OccurredAt }),
        RoleAssigned e => UpdateRole(state, e.RoleId, r => r with { Holders = r.Holders.SetItem(e.TeacherId, e.OccurredAt) }),
        RoleVacated e => UpdateRole(state, e.RoleId, r => r with { Holders = r.Holders.Remove(e.TeacherId) }),
        DecisionRecorded e => state with { Decisions = state.Decisions.SetItem(e.DecisionId, e.Mode) },
        SchoolConditionAssessed e when !state.Conditions.TryGetValue(e.Condition, out var held) || e.OccurredAt >= held.AssessedAt => state with
        {
            Conditions = state.Conditions.SetItem(e.Condition, new ConditionRating(e.Rating, e.Strategy, e.OccurredAt)),
        },
        PrincipalMoveRecorded => state with { PrincipalMoves = state.PrincipalMoves + 1 },
        LeadershipDiscussionHeld => state with { LeadershipDiscussions = state.LeadershipDiscussions + 1 },
        BreakingRanksEpisodeOpened e => state with
        {
            Episodes = state.Episodes.SetItem(e.EpisodeId, new EpisodeState(e.TeacherId, e.OccurredAt, e.Level, e.OccurredAt, OpeningLevel: e.Level)),
        },
        BreakingRanksReactionRecorded e => UpdateEpisode(state, e.EpisodeId, x => x with { LastEventAt = e.OccurredAt }),
        BreakingRanksSupportGiven e => UpdateEpisode(state, e.EpisodeId, x => x with { LastEventAt = e.OccurredAt }),
        BreakingRanksEpisodeEscalated e => UpdateEpisode(state, e.EpisodeId, x => x with { Level = e.Level, LastEventAt = e.OccurredAt }),
        BreakingRanksEpisodeDeescalated e => UpdateEpisode(state, e.EpisodeId, x => x with { Level = e.Level, LastEventAt = e.OccurredAt }),
        BreakingRanksEpisodeResolved e => UpdateEpisode(state, e.EpisodeId, x => x with { Outcome = e.Outcome, LastEventAt = e.OccurredAt }),
        // A value older than the one held, or a departure of a teacher not on the staff, changes nothing.
        StaffCountChanged or TeacherLeftStaff or LeadershipStageAssessed or SchoolConditionAssessed => state,
        _ => throw new UnhandledEventException(AggregateKind.School, @event),
    };

    /// <summary>Why a role ends when its holder moves to another school before the school heard of the move.</summary>
    public const string MovedAwayReason = "The teacher moved to another school.";

    /// <summary>A role change reaches the teacher who takes or leaves the role.</summary>
    public static IEnumerable<FollowUp> FollowUpsOf(string id, SchoolState state, SchoolEvent recorded) => recorded switch
    {
        RoleAssigned e => [new(FollowUp.Teacher, e.TeacherId, new RoleTaken(id, e.RoleId, TitleOf(state, e.RoleId)) { OccurredAt = e.OccurredAt })],
        RoleVacated e => [new(FollowUp.Teacher, e.TeacherId, new RoleLeft(id, e.RoleId, e.Reason) { OccurredAt = e.OccurredAt })],
        _ => [],
    };

    /// <summary>
    /// A teacher already on the staff, or already gone, needs nothing recorded. A teacher whose move takes them off the
    /// staff gives up the roles they hold here: the move was decided on the teacher's stream, which refuses it while a
    /// role is held there, so a role here means it was assigned before the school heard of the move. The move stands
    /// and the assignment ends, no earlier than it began.
    /// </summary>
    public static ImmutableArray<SchoolEvent> ReceiveFollowUp(SchoolState? state, SchoolEvent followUp) => (state, followUp) switch
    {
        (not null, TeacherJoinedStaff e) when state.IsOnStaff(e.TeacherId) => [],
        (not null, TeacherLeftStaff e) when !state.IsOnStaff(e.TeacherId) => [],
        (not null, TeacherLeftStaff e) =>
        [
            .. state.Roles.Where(r => r.Value.Holders.ContainsKey(e.TeacherId)).OrderBy(r => r.Key, StringComparer.Ordinal)
                .Select(r => new RoleVacated(r.Key, e.TeacherId, MovedAwayReason)
                {
                    OccurredAt = e.OccurredAt > r.Value.Holders[e.TeacherId] ? e.OccurredAt : r.Value.Holders[e.TeacherId],
                }),
            e,
        ],
        _ => [followUp],
    };

    private static string TitleOf(SchoolState state, string roleId) =>
        state.Roles.TryGetValue(roleId, out var role) ? role.Definition.Title : roleId;

    public static Decision<SchoolEvent> Decide(SchoolState? state, SchoolEvent proposed, DateTimeOffset now)
    {
        if (Aggregate.CheckLifecycle<School, SchoolState, SchoolEvent>(state, proposed, "school") is { } lifecycle)
        {
            return lifecycle;
        }
        var violation = Check.OccurredAt(proposed.OccurredAt, now, state?.RegisteredAt, "the school's registration")
            ?? (state is null ? CheckRegistration((SchoolRegistered)proposed) : CheckAgainst(state, proposed));
        return violation is null ? Decision<SchoolEvent>.Accept(WithKindOfItsType(proposed)) : violation;
    }

    /// <summary>A role of a built-in type is recorded with the type's kind, whatever kind was sent (the rules refuse a contradicting one).</summary>
    private static SchoolEvent WithKindOfItsType(SchoolEvent proposed) =>
        proposed is TeacherLeaderRoleDefined e && RoleTypeCatalog.Find(e.RoleTypeId) is { } type ? e with { RoleKind = type.Kind } : proposed;

    private static RuleViolation? CheckRegistration(SchoolRegistered e) =>
        Check.Text(e.Name, "name", Limits.Name)
        ?? Check.Text(e.District, "district", Limits.Name)
        ?? Check.Range(e.StaffCount, "staffCount", 1, MaxStaff);

    private static RuleViolation? CheckAgainst(SchoolState state, SchoolEvent proposed) => proposed switch
    {
        StaffCountChanged e => Check.Range(e.StaffCount, "staffCount", 1, MaxStaff),
        TeacherJoinedStaff e => Check.Id(e.TeacherId, "teacherId")
            ?? (state.IsOnStaff(e.TeacherId) ? RuleViolation.Conflict("already-on-staff", $"Teacher {e.TeacherId} is already on the staff.", "teacherId") : null)
            ?? (state.StaffHistory.TryGetValue(e.TeacherId, out var spells) && e.OccurredAt < spells[^1].To
                ? RuleViolation.Conflict("before-history", $"Teacher {e.TeacherId} left on {spells[^1].To:O}; they cannot rejoin before.", "occurredAt")
                : null),
        TeacherLeftStaff e => CheckLeaving(state, e),
        LeadershipStageAssessed e => Check.Defined(e.Stage, "stage")
            ?? Check.Text(e.Evidence, "evidence", Limits.LongText)
            ?? Check.Text(e.AssessedBy, "assessedBy", Limits.Name),
        TeacherLeaderRoleDefined e => CheckRoleDefinition(state, e),
        RoleRevised e => CheckRoleRevision(state, e),
        TeacherLeaderRoleRetired e => CheckRoleRetirement(state, e),
        RoleAssigned e => CheckAssignment(state, e),
        RoleVacated e => CheckVacancy(state, e),
        DecisionRecorded e => Check.Id(e.DecisionId, "decisionId")
            ?? Check.Text(e.Title, "title", Limits.Name)
            ?? Check.Text(e.Area, "area", Limits.Label)
            ?? Check.Defined(e.Mode, "mode")
            ?? Check.Ids(e.Participants, "participants", Limits.Participants)
            ?? Check.Text(e.Rationale, "rationale", Limits.LongText, required: false)
            ?? (state.Decisions.ContainsKey(e.DecisionId) ? RuleViolation.Conflict("decision-exists", $"Decision {e.DecisionId} is already recorded.", "decisionId") : null)
            ?? CheckOnStaff(state, e.Participants, e.OccurredAt, "participants"),
        SchoolConditionAssessed e => Check.Text(e.Condition, "condition", Limits.Name)
            ?? Check.Range(e.Rating, "rating", 1, 4)
            ?? Check.Text(e.Strategy, "strategy", Limits.Note, required: false),
        PrincipalMoveRecorded e => Check.Text(e.Move, "move", Limits.Name)
            ?? (e.TeacherId is null ? null : Check.Id(e.TeacherId, "teacherId") ?? CheckOnStaff(state, [e.TeacherId], e.OccurredAt, "teacherId"))
            ?? Check.Text(e.Note, "note", Limits.Note, required: false),
        LeadershipDiscussionHeld e => Check.Text(e.Topic, "topic", Limits.Name)
            ?? Check.Ids(e.Participants, "participants", Limits.Participants)
            ?? Check.Texts(e.Agreements, "agreements")
            ?? CheckOnStaff(state, e.Participants, e.OccurredAt, "participants"),
        BreakingRanksEpisodeOpened e => Check.Id(e.EpisodeId, "episodeId")
            ?? Check.Id(e.TeacherId, "teacherId")
            ?? Check.Defined(e.Act, "act")
            ?? Check.Text(e.Description, "description", Limits.LongText)
            ?? Check.Defined(e.Level, "level")
            ?? (state.Episodes.ContainsKey(e.EpisodeId) ? RuleViolation.Conflict("episode-exists", $"Episode {e.EpisodeId} is already recorded.", "episodeId") : null)
            ?? CheckOnStaff(state, [e.TeacherId], e.OccurredAt, "teacherId"),
        BreakingRanksEpisodeEscalated e => Check.Defined(e.Level, "level")
            ?? Check.Text(e.Note, "note", Limits.Note, required: false)
            ?? CheckOpenEpisode(state, e.EpisodeId, e.OccurredAt, out var episode)
            ?? (e.Level <= episode!.Level
                ? RuleViolation.Conflict("not-an-escalation", $"Episode {e.EpisodeId} is already at {episode.Level}; an escalation must reach a higher level.", "level")
                : null),
        BreakingRanksEpisodeDeescalated e => Check.Defined(e.Level, "level")
            ?? Check.Text(e.Note, "note", Limits.Note, required: false)
            ?? CheckOpenEpisode(state, e.EpisodeId, e.OccurredAt, out var episode)
            ?? (e.Level >= episode!.Level
                ? RuleViolation.Conflict("not-a-deescalation", $"Episode {e.EpisodeId} is at {episode.Level}; a de-escalation must reach a lower level.", "level")
                : e.Level < episode.OpeningLevel
                    ? RuleViolation.Conflict("below-opening-level", $"Episode {e.EpisodeId} opened at {episode.OpeningLevel}; its course does not fall below where it started.", "level")
                    : null),
        BreakingRanksReactionRecorded e => CheckReaction(state, e),
        BreakingRanksSupportGiven e => Check.Defined(e.Kind, "kind")
            ?? Check.Text(e.Note, "note", Limits.Note, required: e.Kind == SupportKind.Other)
            ?? CheckOpenEpisode(state, e.EpisodeId, e.OccurredAt, out _),
        BreakingRanksEpisodeResolved e => Check.Defined(e.Outcome, "outcome")
            ?? Check.Text(e.Note, "note", Limits.Note, required: false)
            ?? CheckOpenEpisode(state, e.EpisodeId, e.OccurredAt, out _),
        _ => RuleViolation.Invalid("type", $"{proposed.GetType().Name} is not a school event."),
    };

    private static RuleViolation? CheckLeaving(SchoolState state, TeacherLeftStaff e)
    {
        if (Check.Id(e.TeacherId, "teacherId") is { } invalid)
        {
            return invalid;
        }
        if (!state.IsOnStaff(e.TeacherId))
        {
            return RuleViolation.Conflict("not-on-staff", $"Teacher {e.TeacherId} is not on the staff.", "teacherId");
        }
        if (state.RolesHeldBy(e.TeacherId).FirstOrDefault() is { } role)
        {
            return RuleViolation.Conflict("holds-role", $"Teacher {e.TeacherId} still holds role {role}; vacate it first.", "teacherId");
        }
        return e.OccurredAt < state.StaffHistory[e.TeacherId][^1].From
            ? RuleViolation.Conflict("before-history", "A teacher cannot leave before joining.", "occurredAt")
            : null;
    }

    private static RuleViolation? CheckRoleDefinition(SchoolState state, TeacherLeaderRoleDefined e) =>
        Check.Id(e.RoleId, "roleId")
        ?? CheckJobDescription(e)
        ?? Check.Defined(e.RoleKind, "roleKind")
        ?? CheckKindOfType(e.RoleTypeId, e.RoleKind)
        ?? (state.Roles.ContainsKey(e.RoleId) ? RuleViolation.Conflict("role-exists", $"Role {e.RoleId} is already defined.", "roleId") : null);

    /// <summary>A revision of an active role, after its last one, with a seat for each current holder.</summary>
    private static RuleViolation? CheckRoleRevision(SchoolState state, RoleRevised e) =>
        Check.Id(e.RoleId, "roleId")
        ?? CheckJobDescription(e)
        ?? CheckActiveRole(state, e.RoleId, e.OccurredAt, out var role)
        ?? (RoleTypeCatalog.Find(e.RoleTypeId) is { } type ? CheckRevisedType(e.RoleId, role!, type) : null)
        ?? (e.OccurredAt < role!.DescribedAt
            ? RuleViolation.Conflict("before-history", $"Role {e.RoleId} was last described on {role.DescribedAt:O}; a revision comes after it.", "occurredAt")
            : null)
        ?? (e.Seats < role.Holders.Count
            ? RuleViolation.Conflict("seats-below-holders", $"Role {e.RoleId} has {role.Holders.Count} holders; it needs a seat for each.", "seats")
            : null);

    /// <summary>Category names the role where no type does: it is required only without a role type.</summary>
    private static RuleViolation? CheckJobDescription(IJobDescription d) =>
        Check.Text(d.Title, "title", Limits.Name)
        ?? RoleTypeCatalog.CheckReference(d.RoleTypeId, "roleTypeId")
        ?? Check.Text(d.Category, "category", Limits.Label, required: d.RoleTypeId is null)
        ?? Check.Texts(d.Commitments, "commitments")
        ?? Check.Texts(d.Expectations, "expectations")
        ?? Check.Range(d.HoursPerWeek, "hoursPerWeek", 0, MaxHoursPerWeek)
        ?? Check.Range(d.Seats, "seats", 1, MaxSeats)
        ?? Check.Defined(d.DecidedAt, "decidedAt")
        ?? Check.Text(d.Purpose, "purpose", Limits.Note, required: false)
        ?? Check.Text(d.Qualifications, "qualifications", Limits.Note, required: false)
        ?? (d.SupervisedBy is { } supervisor ? Check.Defined(supervisor, "supervisedBy") : null)
        ?? Check.Text(d.Support, "support", Limits.ShortText, required: false)
        ?? (d.Selection is { } selection ? Check.Defined(selection, "selection") : null)
        ?? Check.Text(d.Term, "term", Limits.Label, required: false)
        ?? Check.Text(d.Compensation, "compensation", Limits.ShortText, required: false);

    private static RuleViolation? CheckKindOfType(string? roleTypeId, RoleKind sent) =>
        RoleTypeCatalog.Find(roleTypeId) is { } type ? CheckKindOf(type, sent) : null;

    /// <summary>
    /// The kind of a role of a type is the type's. A kind left out reads as teacher leadership, so only an
    /// administrative kind sent for a teacher-leadership type contradicts it.
    /// </summary>
    public static RuleViolation? CheckKindOf(RoleType type, RoleKind sent)
    {
        ArgumentNullException.ThrowIfNull(type);
        return sent != type.Kind && sent != RoleKind.TeacherLeadership
            ? RuleViolation.Invalid("roleKind", $"Type {type.Name} is {Labels.Of(type.Kind).ToLowerInvariant()}; a role's kind comes from its type, so leave roleKind out.")
            : null;
    }

    /// <summary>A revision may change a role's type, not its kind.</summary>
    public static RuleViolation? CheckRevisedType(string roleId, RoleState role, RoleType type)
    {
        ArgumentNullException.ThrowIfNull(role);
        ArgumentNullException.ThrowIfNull(type);
        return type.Kind != role.Definition.RoleKind
            ? RuleViolation.Conflict("role-kind-changed",
                $"Role {roleId} is {Labels.Of(role.Definition.RoleKind).ToLowerInvariant()}; type {type.Name} is {Labels.Of(type.Kind).ToLowerInvariant()}, and a revision keeps the role's kind.", "roleTypeId")
            : null;
    }

    private static RuleViolation? CheckRoleRetirement(SchoolState state, TeacherLeaderRoleRetired e) =>
        Check.Text(e.Reason, "reason", Limits.Note, required: false)
        ?? CheckActiveRole(state, e.RoleId, e.OccurredAt, out var role)
        ?? (role!.Holders.Count > 0
            ? RuleViolation.Conflict("role-held", $"Role {e.RoleId} is still held by {string.Join(", ", role.Holders.Keys)}; vacate it first.", "roleId")
            : null);

    private static RuleViolation? CheckAssignment(SchoolState state, RoleAssigned e) =>
        Check.Id(e.TeacherId, "teacherId")
        ?? CheckActiveRole(state, e.RoleId, e.OccurredAt, out var role)
        ?? (role!.Holders.ContainsKey(e.TeacherId) ? RuleViolation.Conflict("already-holds-role", $"Teacher {e.TeacherId} already holds role {e.RoleId}.", "teacherId") : null)
        ?? (role.FreeSeats <= 0 ? RuleViolation.Conflict("no-free-seat", $"All {role.Definition.Seats} seats of role {e.RoleId} are filled.", "roleId") : null)
        ?? CheckOnStaff(state, [e.TeacherId], e.OccurredAt, "teacherId")
        ?? (!state.IsOnStaff(e.TeacherId)
            ? RuleViolation.Conflict("not-on-staff", $"Teacher {e.TeacherId} has left the staff since; a role can be assigned only to a current member.", "teacherId")
            : null);

    private static RuleViolation? CheckVacancy(SchoolState state, RoleVacated e)
    {
        if ((Check.Id(e.RoleId, "roleId") ?? Check.Id(e.TeacherId, "teacherId") ?? Check.Text(e.Reason, "reason", Limits.Note, required: false)) is { } invalid)
        {
            return invalid;
        }
        if (!state.Roles.TryGetValue(e.RoleId, out var role))
        {
            return RuleViolation.NotFound("role-not-found", $"Role {e.RoleId} is not defined.", "roleId");
        }
        if (!role.Holders.TryGetValue(e.TeacherId, out var since))
        {
            return RuleViolation.Conflict("does-not-hold-role", $"Teacher {e.TeacherId} does not hold role {e.RoleId}.", "teacherId");
        }
        return e.OccurredAt < since
            ? RuleViolation.Conflict("before-history", $"The role was assigned on {since:O}; it cannot be vacated before.", "occurredAt")
            : null;
    }

    private static RuleViolation? CheckActiveRole(SchoolState state, string roleId, DateTimeOffset at, out RoleState? role)
    {
        role = null;
        if (Check.Id(roleId, "roleId") is { } invalid)
        {
            return invalid;
        }
        if (!state.Roles.TryGetValue(roleId, out role))
        {
            return RuleViolation.NotFound("role-not-found", $"Role {roleId} is not defined.", "roleId");
        }
        if (role.RetiredAt is not null)
        {
            return RuleViolation.Conflict("role-retired", $"Role {roleId} was retired on {role.RetiredAt:O}.", "roleId");
        }
        return at < role.Definition.OccurredAt
            ? RuleViolation.Conflict("before-history", $"Role {roleId} was defined on {role.Definition.OccurredAt:O}.", "occurredAt")
            : null;
    }

    /// <summary>A colleague is named by teacher id and a team by its name; every other reactor by its kind alone.</summary>
    private static RuleViolation? CheckReaction(SchoolState state, BreakingRanksReactionRecorded e) =>
        // Each field's own shape first, so a malformed field is named before any rule that relates two fields.
        Check.Defined(e.ReactedBy, "reactedBy")
        ?? Check.Defined(e.Intensity, "intensity")
        ?? Check.Id(e.EpisodeId, "episodeId")
        ?? (e.TeacherId is null ? null : Check.Id(e.TeacherId, "teacherId"))
        ?? (e.Team is null ? null : Check.Text(e.Team, "team", Limits.Label))
        ?? Check.Text(e.Note, "note", Limits.Note, required: false)
        ?? (e.ReactedBy == ReactorKind.Colleague
            ? (e.TeacherId is null ? RuleViolation.Invalid("teacherId", "A colleague's reaction names the colleague by teacher id.") : null)
            : e.TeacherId is null ? null : RuleViolation.Invalid("teacherId", "Only a colleague's reaction names a teacher; leave teacherId empty."))
        ?? (e.ReactedBy == ReactorKind.Team
            ? (e.Team is null ? RuleViolation.Invalid("team", "A team's reaction names the team, e.g. \"Grade 6 team\".") : null)
            : e.Team is null ? null : RuleViolation.Invalid("team", "Only a team's reaction names a team; leave team empty."))
        ?? CheckOpenEpisode(state, e.EpisodeId, e.OccurredAt, out var episode)
        ?? (e.TeacherId is null ? null
            : e.TeacherId == episode!.TeacherId
                ? RuleViolation.Invalid("teacherId", "A reaction comes from someone other than the teacher leader who broke ranks.")
                : CheckOnStaff(state, [e.TeacherId], e.OccurredAt, "teacherId"));

    private static RuleViolation? CheckOpenEpisode(SchoolState state, string episodeId, DateTimeOffset at, out EpisodeState? episode)
    {
        episode = null;
        if (Check.Id(episodeId, "episodeId") is { } invalid)
        {
            return invalid;
        }
        if (!state.Episodes.TryGetValue(episodeId, out episode))
        {
            return RuleViolation.NotFound("episode-not-found", $"No breaking-ranks episode {episodeId} has been opened.", "episodeId");
        }
        if (episode.IsResolved)
        {
            return RuleViolation.Conflict("episode-resolved", $"Episode {episodeId} was resolved ({episode.Outcome}); it takes no further events.", "episodeId");
        }
        return at < episode.LastEventAt
            ? RuleViolation.Conflict("before-history", $"Episode {episodeId}'s last event happened on {episode.LastEventAt:O}.", "occurredAt")
            : null;
    }

    private static RuleViolation? CheckOnStaff(SchoolState state, ImmutableArray<string> teacherIds, DateTimeOffset at, string field) =>
        teacherIds.FirstOrDefault(t => !state.WasOnStaffAt(t, at)) is { } outsider
            ? RuleViolation.Conflict("not-on-staff", $"Teacher {outsider} was not on the school's staff on {at:yyyy-MM-dd}.", field)
            : null;

    private static SchoolState UpdateRole(SchoolState state, string roleId, Func<RoleState, RoleState> change) =>
        state.Roles.TryGetValue(roleId, out var role) ? state with { Roles = state.Roles.SetItem(roleId, change(role)) } : state;

    private static SchoolState UpdateEpisode(SchoolState state, string episodeId, Func<EpisodeState, EpisodeState> change) =>
        state.Episodes.TryGetValue(episodeId, out var episode) ? state with { Episodes = state.Episodes.SetItem(episodeId, change(episode)) } : state;
}
