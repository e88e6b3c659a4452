using LearningOrg.Domain.Common;
using LearningOrg.Domain.Roles;

namespace LearningOrg.Domain.Initiatives;

/// <summary>
/// The initiative aggregate: its rules and its fold. Its rules follow the teacher-leadership toolkits:
/// phases in order, and measures defined before implementation.
/// </summary>
public sealed class Initiative : IAggregate<InitiativeState, InitiativeEvent>
{
    public static bool IsCreation(InitiativeEvent @event) => @event is InitiativeLaunched;

    public static InitiativeState Create(InitiativeEvent creation) => creation is InitiativeLaunched e
        ? new InitiativeState(e.Name, e.Sponsor, e.Purpose, e.Priorities, e.OccurredAt, Phase.Planning, [], null, [], [], [], [])
        : throw new InvalidOperationException($"An initiative's stream must begin with {nameof(InitiativeLaunched)}, not {creation.GetType().Name}.");

    public static InitiativeState Apply(InitiativeState state, InitiativeEvent @event) => @event switch
    {
        StakeholderEngaged e => state with { Stakeholders = state.Stakeholders.SetItem(e.Stakeholder, e.Role) },
        ContextAssessed e when state.Context is null || e.OccurredAt >= state.Context.OccurredAt => state with { Context = e },
        MeasureDefined e => state with { Measures = state.Measures.SetItem(e.MeasureId, new MeasureState(e, 0, null, null)) },
        // A value at one school is not the initiative's: it counts as an observation, and the latest value stays the initiative's own.
        MeasureObserved e when state.Measures.TryGetValue(e.MeasureId, out var m) => state with
        {
            Measures = state.Measures.SetItem(e.MeasureId, e.SchoolId is null && (m.LatestAt is null || e.OccurredAt >= m.LatestAt)
                ? m with { Observations = m.Observations + 1, LatestValue = e.Value, LatestAt = e.OccurredAt }
                : m with { Observations = m.Observations + 1 }),
        },
        RoleFrameworkSet e when !state.RoleFrameworks.TryGetValue(e.RoleTitle, out var held) || e.OccurredAt >= held.SetAt =>
            state with
            {
                RoleFrameworks = state.RoleFrameworks.SetItem(e.RoleTitle, new RoleFramework(e.Tight, e.Loose, e.OccurredAt)
                {
                    RoleTypeId = e.RoleTypeId,
                    MinimumHoursPerWeek = e.MinimumHoursPerWeek,
                    RequiredSelection = e.RequiredSelection,
                    RequiredSupervisor = e.RequiredSupervisor,
                }),
            },
        RoleTypeAdded e => state with { RoleTypes = state.RoleTypes.SetItem(e.TypeId, new RoleType(e.TypeId, e.Name, e.Group, e.RoleKind, e.Description)) },
        SchoolEnrolled e => state with { EnrolledSchools = state.EnrolledSchools.SetItem(e.SchoolId, e.OccurredAt) },
        SchoolWithdrawn e => state with { EnrolledSchools = state.EnrolledSchools.Remove(e.SchoolId) },
        PhaseAdvanced e => state with { Phase = e.Phase, Cycle = e.Phase == Phase.Planning ? state.Cycle + 1 : state.Cycle },
        KeyQuestionAnswered e => state with
        {
            Answers = state.Answers.Add(new QuestionAnswer(e.Question, state.Cycle, state.Phase, e.Answer, e.Evidence, e.OccurredAt)),
        },
        InterventionStarted e => state with { Interventions = state.Interventions.SetItem(e.InterventionId, new InterventionState(e, null)) },
        InterventionCompleted e when state.Interventions.TryGetValue(e.InterventionId, out var i) => state with
        {
            Interventions = state.Interventions.SetItem(e.InterventionId, i with { Completion = e }),
        },
        // An assessment or framework older than the one held, or a value of a measure or intervention not known, changes nothing.
        InitiativeLaunched or ContextAssessed or MeasureObserved or RoleFrameworkSet or InterventionCompleted => state,
        _ => throw new UnhandledEventException(AggregateKind.Initiative, @event),
    };

    public static Decision<InitiativeEvent> Decide(InitiativeState? state, InitiativeEvent proposed, DateTimeOffset now)
    {
        if (Aggregate.CheckLifecycle<Initiative, InitiativeState, InitiativeEvent>(state, proposed, "initiative") is { } lifecycle)
        {
            return lifecycle;
        }
        var violation = Check.OccurredAt(proposed.OccurredAt, now, state?.LaunchedAt, "the initiative's launch")
            ?? (state is null ? CheckLaunch((InitiativeLaunched)proposed) : CheckAgainst(state, proposed));
        return violation is null ? Decision<InitiativeEvent>.Accept(proposed) : violation;
    }

    private static RuleViolation? CheckLaunch(InitiativeLaunched e) =>
        Check.Text(e.Name, "name", Limits.Name)
        ?? Check.Defined(e.Sponsor, "sponsor")
        ?? Check.Text(e.Purpose, "purpose", Limits.Note)
        ?? Check.Texts(e.Priorities, "priorities");

    private static RuleViolation? CheckAgainst(InitiativeState state, InitiativeEvent proposed) => proposed switch
    {
        StakeholderEngaged e => Check.Text(e.Stakeholder, "stakeholder", Limits.Name) ?? Check.Text(e.Role, "role", Limits.Name),
        ContextAssessed e => Check.Texts(e.Resources, "resources")
            ?? Check.Texts(e.DataSystems, "dataSystems")
            ?? Check.Texts(e.FundingSources, "fundingSources")
            ?? Check.Texts(e.ExistingCollaboration, "existingCollaboration")
            ?? Check.Texts(e.TrustBarriers, "trustBarriers"),
        MeasureDefined e => Check.Id(e.MeasureId, "measureId")
            ?? Check.Text(e.Name, "name", Limits.Name)
            ?? Check.Defined(e.Horizon, "horizon")
            ?? Check.Text(e.Unit, "unit", Limits.Label)
            ?? (state.Measures.ContainsKey(e.MeasureId) ? RuleViolation.Conflict("measure-exists", $"Measure {e.MeasureId} is already defined.", "measureId") : null),
        MeasureObserved e => Check.Id(e.MeasureId, "measureId")
            ?? Check.Text(e.Source, "source", Limits.Name)
            ?? (e.SchoolId is null ? null : Check.Id(e.SchoolId, "schoolId"))
            ?? (!state.Measures.TryGetValue(e.MeasureId, out var measure)
                ? RuleViolation.NotFound("measure-not-found", $"Measure {e.MeasureId} is not defined; define a measure before observing it.", "measureId")
                : e.OccurredAt < measure.Definition.OccurredAt
                    ? RuleViolation.Conflict("before-history", $"Measure {e.MeasureId} was defined on {measure.Definition.OccurredAt:O}.", "occurredAt")
                    : null)
            ?? (e.SchoolId is { } observedAt && (!state.EnrolledSchools.TryGetValue(observedAt, out var enrolled) || e.OccurredAt < enrolled)
                ? RuleViolation.Conflict("not-enrolled", $"School {observedAt} was not enrolled in the initiative on {e.OccurredAt:yyyy-MM-dd}.", "schoolId")
                : null),
        KeyQuestionAnswered e => Check.Defined(e.Question, "question")
            ?? Check.Text(e.Answer, "answer", Limits.Note)
            ?? Check.Text(e.Evidence, "evidence", Limits.LongText, required: false),
        RoleFrameworkSet e => Check.Text(e.RoleTitle, "roleTitle", Limits.Name)
            ?? Check.Texts(e.Tight, "tight")
            ?? Check.Texts(e.Loose, "loose")
            ?? CheckRoleType(state, e.RoleTypeId, "roleTypeId")
            ?? (e.MinimumHoursPerWeek is { } hours ? Check.Range(hours, "minimumHoursPerWeek", 0, Schools.School.MaxHoursPerWeek) : null)
            ?? (e.RequiredSelection is { } selection ? Check.Defined(selection, "requiredSelection") : null)
            ?? (e.RequiredSupervisor is { } supervisor ? Check.Defined(supervisor, "requiredSupervisor") : null)
            // Each field's own shape first, so a malformed field is named before the rule that relates the two lists.
            ?? (e.Tight.Intersect(e.Loose, StringComparer.OrdinalIgnoreCase).FirstOrDefault() is { } both
                ? RuleViolation.Invalid("loose", $"\"{both}\" cannot be both tight and loose.")
                : null),
        RoleTypeAdded e => Check.Id(e.TypeId, "typeId")
            ?? Check.Text(e.Name, "name", Limits.Name)
            ?? Check.Defined(e.Group, "group")
            ?? Check.Defined(e.RoleKind, "roleKind")
            ?? Check.Text(e.Description, "description", Limits.Note, required: false)
            ?? (RoleTypeCatalog.Find(e.TypeId) is { } builtIn
                ? RuleViolation.Conflict("role-type-exists", $"{e.TypeId} is the built-in type {builtIn.Name}; use it, or give yours another id.", "typeId")
                : state.RoleTypes.ContainsKey(e.TypeId)
                    ? RuleViolation.Conflict("role-type-exists", $"Role type {e.TypeId} was already added.", "typeId")
                    : null),
        SchoolEnrolled e => Check.Id(e.SchoolId, "schoolId")
            ?? (state.EnrolledSchools.ContainsKey(e.SchoolId) ? RuleViolation.Conflict("already-enrolled", $"School {e.SchoolId} is already enrolled.", "schoolId") : null),
        SchoolWithdrawn e => Check.Id(e.SchoolId, "schoolId")
            ?? Check.Text(e.Reason, "reason", Limits.Note, required: false)
            ?? (!state.EnrolledSchools.TryGetValue(e.SchoolId, out var since)
                ? RuleViolation.Conflict("not-enrolled", $"School {e.SchoolId} is not enrolled.", "schoolId")
                : e.OccurredAt < since ? RuleViolation.Conflict("before-history", "A school cannot withdraw before it enrolled.", "occurredAt") : null),
        PhaseAdvanced e => Check.Defined(e.Phase, "phase") ?? CheckPhase(state, e.Phase),
        InterventionStarted e => Check.Id(e.InterventionId, "interventionId")
            ?? Check.Id(e.SchoolId, "schoolId")
            ?? Check.Text(e.Kind, "kind", Limits.Label)
            ?? Check.Text(e.Hypothesis, "hypothesis", Limits.Note)
            ?? (state.Interventions.ContainsKey(e.InterventionId)
                ? RuleViolation.Conflict("intervention-exists", $"Intervention {e.InterventionId} is already recorded.", "interventionId")
                : null)
            ?? (!state.EnrolledSchools.TryGetValue(e.SchoolId, out var enrolledAt) || e.OccurredAt < enrolledAt
                ? RuleViolation.Conflict("not-enrolled", $"School {e.SchoolId} was not enrolled in the initiative on {e.OccurredAt:yyyy-MM-dd}.", "schoolId")
                : null),
        InterventionCompleted e => Check.Id(e.InterventionId, "interventionId")
            ?? Check.Text(e.Outcome, "outcome", Limits.Note)
            ?? Check.Text(e.Evidence, "evidence", Limits.LongText, required: false)
            ?? (!state.Interventions.TryGetValue(e.InterventionId, out var intervention)
                ? RuleViolation.NotFound("intervention-not-found", $"No intervention {e.InterventionId} has been started.", "interventionId")
                : intervention.IsCompleted
                    ? RuleViolation.Conflict("intervention-completed", $"Intervention {e.InterventionId} is already completed.", "interventionId")
                    : e.OccurredAt < intervention.Start.OccurredAt
                        ? RuleViolation.Conflict("before-history", "An intervention cannot end before it started.", "occurredAt")
                        : null),
        _ => RuleViolation.Invalid("type", $"{proposed.GetType().Name} is not an initiative event."),
    };

    /// <summary>A built-in type, or one this initiative's district added; a framework cannot name another district's type.</summary>
    /// <summary>A built-in type, or one this initiative's district added (by its id, or as initiative-id/type-id).</summary>
    private static RuleViolation? CheckRoleType(InitiativeState state, string? reference, string field) =>
        reference is null || RoleTypeCatalog.Find(reference) is not null
            || state.RoleTypes.ContainsKey(RoleTypeCatalog.TryParseCustom(reference, out _, out var typeId) ? typeId : reference)
            ? null
            : RuleViolation.Invalid(field, $"{field} \"{reference}\" is neither a built-in role type nor one this initiative's district added.");

    private static RuleViolation? CheckPhase(InitiativeState state, Phase next)
    {
        if (next != state.NextPhase)
        {
            return RuleViolation.Conflict("phase-out-of-order",
                $"The initiative is in {Labels.Of(state.Phase)}; phases advance in order (Planning, Design, Implementation, Assessment, then Planning for the next cycle), so {Labels.Of(next)} cannot come next; {Labels.Of(state.NextPhase)} can.", "phase");
        }
        return next == Phase.Implementation && state.Measures.IsEmpty
            ? RuleViolation.Conflict("measures-required", "Define at least one measure before implementation begins.", "phase")
            : null;
    }
}
