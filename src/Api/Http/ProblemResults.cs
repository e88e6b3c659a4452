using LearningOrg.Domain.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace LearningOrg.Api.Http;

/// <summary>RFC 9457 problem details for the ways a command or query can fail.</summary>
public static class Problems
{
    public const string TypePrefix = "urn:learningorg:problem:";

    /// <summary>The problem for a broken rule: 400 with the field named, 404, 409, or 412 for a stale If-Match.</summary>
    public static ProblemHttpResult For(RuleViolation violation)
    {
        var (status, title) = violation.Kind switch
        {
            ViolationKind.Invalid => (StatusCodes.Status400BadRequest, "The request is not valid."),
            ViolationKind.NotFound => (StatusCodes.Status404NotFound, "Not found."),
            ViolationKind.StaleVersion => (StatusCodes.Status412PreconditionFailed, "The resource has changed since you read it."),
            _ => (StatusCodes.Status409Conflict, "The request conflicts with the recorded history."),
        };
        var problem = violation.Kind == ViolationKind.Invalid && violation.Field is { } field
            ? new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [violation.Message] })
            : new ProblemDetails();
        problem.Status = status;
        problem.Title = title;
        problem.Detail = violation.Message;
        problem.Type = TypePrefix + violation.Code;
        problem.Extensions["code"] = violation.Code;
        if (violation.Field is not null)
        {
            problem.Extensions["field"] = violation.Field;
        }
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult Invalid(string field, string message) => For(RuleViolation.Invalid(field, message));

    public static ProblemHttpResult NotFound(string what) => For(RuleViolation.NotFound("not-found", what));
}
