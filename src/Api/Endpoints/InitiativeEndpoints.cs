using LearningOrg.Domain.Initiatives;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/initiatives: state, district and school teacher-leadership initiatives, run as the toolkits advise.</summary>
public static class InitiativeEndpoints
{
    public static IEndpointRouteBuilder MapInitiatives(this IEndpointRouteBuilder app)
    {
        new AggregateRoutes<Initiative, InitiativeState, InitiativeEvent>(app, "/api/initiatives", StreamKeys.Initiative,
                (grains, id) => grains.GetGrain<IInitiativeGrain>(id).GetState())
            .Create<InitiativeLaunched>("Launch an initiative with its purpose and priorities")
            .Command<StakeholderEngaged>("stakeholders", "Record a stakeholder engaged and their role")
            .Command<ContextAssessed>("context-assessments", "Record the context: resources, data systems, funding, collaboration, trust barriers")
            .Command<MeasureDefined>("measures", "Define a measure of success with baseline and target")
            .Command<MeasureObserved>("measure-observations", "Record an observed value of a defined measure")
            .Command<RoleFrameworkSet>("role-frameworks", "Set which features of a role are tight (system) and loose (school)")
            .Command<SchoolEnrolled>("enrolments", "Enrol a school")
            .Command<SchoolWithdrawn>("withdrawals", "Withdraw an enrolled school")
            .Command<PhaseAdvanced>("phases", "Advance to the next phase (Implementation needs a defined measure)")
            .Command<InterventionStarted>("interventions", "Start an intervention in an enrolled school")
            .Command<InterventionCompleted>("intervention-completions", "Complete an intervention with its outcome and evidence")
            .Reads();
        return app;
    }
}
