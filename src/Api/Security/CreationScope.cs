using LearningOrg.Domain.Schools;
using LearningOrg.Domain.Teachers;

namespace LearningOrg.Api.Security;

/// <summary>
/// A creation whose scope is in its body: a school's district, a teacher's school. The authorization policy cannot
/// see the body, so this filter checks it once it is read, before anything is recorded.
/// </summary>
/// <param name="refusal">Why the caller may not create this one, or null when they may.</param>
public sealed class CreationScope<TCreation>(Func<Caller, TCreation, string?> refusal) : IEndpointFilter
    where TCreation : class
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var caller = Caller.From(context.HttpContext.User);
        if (caller.IsAdmin || context.Arguments.OfType<TCreation>().FirstOrDefault() is not { } creation || refusal(caller, creation) is not { } why)
        {
            return await next(context);
        }
        return AuthProblems.ForbiddenResult(why);
    }
}

/// <summary>The creations scoped by their body.</summary>
public static class CreationScopes
{
    /// <summary>A district team registers schools only in a district its claims name.</summary>
    public static CreationScope<SchoolRegistered> School { get; } = new((caller, school) =>
        caller.Districts.Contains(school.District?.Trim() ?? string.Empty)
            ? null
            : $"A district team registers schools only in its own district ({string.Join(", ", caller.Districts)}), not in {school.District}.");

    /// <summary>A teacher's registration puts them on a school's staff, so only that school's principal may record it.</summary>
    public static CreationScope<TeacherRegistered> Teacher { get; } = new((caller, teacher) =>
        caller.IsPrincipal && caller.Schools.Contains(teacher.SchoolId)
            ? null
            : $"Only the principal of {teacher.SchoolId} registers teachers on its staff.");
}
