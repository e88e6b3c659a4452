using LearningOrg.Domain.Schools;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/schools: what happens in a school, as principals record it.</summary>
public static class SchoolEndpoints
{
    public static IEndpointRouteBuilder MapSchools(this IEndpointRouteBuilder app)
    {
        new AggregateRoutes<School, SchoolState, SchoolEvent>(app, "/api/schools", StreamKeys.School,
                (grains, id) => grains.GetGrain<ISchoolGrain>(id).GetState())
            .Create<SchoolRegistered>("Register a school")
            .Command<StaffCountChanged>("staff-count", "Record a change in the number of staff")
            .Command<TeacherLeftStaff>("staff-departures", "Record that a teacher left the staff (teachers join by registering, and move with /api/teachers/{id}/moves)")
            .Command<LeadershipStageAssessed>("stage-assessments", "Record an assessment of the school's leadership stage")
            .Command<TeacherLeaderRoleDefined>("roles", "Define a teacher-leader role: its commitments, expectations, hours, seats and who decided it")
            .Command<TeacherLeaderRoleRetired>("role-retirements", "Retire a teacher-leader role")
            .Command<RoleAssigned>("role-assignments", "Assign a teacher on the staff to a role with a free seat (also recorded on the teacher)")
            .Command<RoleVacated>("role-vacancies", "Record that a teacher left a role (also recorded on the teacher)")
            .Command<DecisionRecorded>("decisions", "Record a decision, who took it and how")
            .Command<SchoolConditionAssessed>("condition-assessments", "Rate (1-4) a school condition for teacher leadership")
            .Command<PrincipalMoveRecorded>("principal-moves", "Record what the principal did to support teacher leaders")
            .Command<LeadershipDiscussionHeld>("leadership-discussions", "Record a discussion about leadership and its agreements")
            .Command<BreakingRanksEpisodeOpened>("breaking-ranks", "Open a breaking-ranks episode: a teacher steps out of the flat hierarchy")
            .Command<BreakingRanksEpisodeEscalated>("breaking-ranks-escalations", "Record that an episode escalated to a higher level")
            .Command<BreakingRanksEpisodeResolved>("breaking-ranks-resolutions", "Record how an episode was resolved")
            .Reads();
        return app;
    }
}
