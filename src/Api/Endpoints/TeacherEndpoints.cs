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
            .Commands(creation => creation.AddEndpointFilter(CreationScopes.Teacher))
            .Reads();
        return app;
    }
}
