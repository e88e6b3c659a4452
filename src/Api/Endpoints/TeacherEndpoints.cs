using LearningOrg.Api.Security;
using LearningOrg.Domain.Teachers;
using LearningOrg.EventStore;
using LearningOrg.Grains.Abstractions;

namespace LearningOrg.Api.Endpoints;

/// <summary>/api/teachers: teachers and teacher leaders. Role changes are recorded through their school.</summary>
public static class TeacherEndpoints
{
    public static IEndpointRouteBuilder MapTeachers(this IEndpointRouteBuilder app)
    {
        new AggregateRoutes<Teacher, TeacherState, TeacherEvent>(app, "/api/teachers", StreamKeys.Teacher,
                (grains, id) => grains.GetGrain<ITeacherGrain>(id).GetState())
            .Create<TeacherRegistered>("Register a teacher (also puts them on their school's staff)",
                route => route.AddEndpointFilter<TeacherRegistrationScope>())
            .Command<TeacherMovedSchool>("moves", "Record a move to another school (updates both schools' staff)")
            .Command<ProfessionalLearningCompleted>("professional-learning", "Record completed professional learning")
            .Command<InformalLeadershipObserved>("informal-leadership", "Record an observed informal act of leadership")
            .Command<CollaborationJoined>("collaborations", "Record that the teacher joined a team, PLC or network")
            .Reads();
        return app;
    }
}
