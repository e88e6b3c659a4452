using LearningOrg.Domain.Teachers;

namespace LearningOrg.Api.Security;

/// <summary>
/// A teacher's registration puts them on a school's staff, so only that school's principal (or an admin) may record
/// it. The school is in the body, which the authorization policy cannot see: this filter checks it once it is read.
/// </summary>
public sealed class TeacherRegistrationScope : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = Caller.From(context.HttpContext.User);
        var registration = context.Arguments.OfType<TeacherRegistered>().FirstOrDefault();
        if (caller.IsAdmin || registration is null || (caller.IsPrincipal && caller.Schools.Contains(registration.SchoolId)))
        {
            return await next(context);
        }
        return AuthProblems.ForbiddenResult($"Only the principal of {registration.SchoolId} registers teachers on its staff.");
    }
}
