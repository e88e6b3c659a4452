using System.Reflection;
using System.Text.Json;
using LearningOrg.Api.Endpoints;
using LearningOrg.Api.Http;
using LearningOrg.EventStore;
using LearningOrg.Research;
using Marten;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace LearningOrg.Api.Security;

/// <summary>
/// What a researcher without identifiable access reads: the answer built again by <see cref="PseudonymizedView"/>
/// from the answer's types, with teachers' pseudonyms (the exports' <see cref="Pseudonymizer"/>, so a teacher has one
/// pseudonym in reads and exports), name fields left out, and free text masked. Such a reader names teachers by their
/// pseudonyms too: in the route's {id} of a teacher and in a timeline's person filter; a teacher id is not found.
/// Nothing here reads the event store beyond what the endpoint reads: pseudonyms are keyed hashes, the names come from
/// the known-people read model, and a pseudonym is resolved by <see cref="PseudonymDirectory"/>.
/// </summary>
public sealed class PseudonymizedReads(PseudonymDirectory directory, IDocumentStore store, IOptions<HttpJsonOptions> json)
{
    /// <summary>The route parameter and query parameter that name a teacher.</summary>
    private const string RouteId = "id";
    private const string Person = "person";

    /// <summary>The endpoint filter of every read a researcher may make; <paramref name="kind"/> is what the route's {id} names.</summary>
    public static Func<EndpointFilterFactoryContext, EndpointFilterDelegate, EndpointFilterDelegate> For(string kind) => (factory, next) =>
    {
        var parameters = factory.MethodInfo.GetParameters();
        var teacherArgument = kind == StreamKeys.Teacher ? IndexOf(parameters, RouteId) : -1;
        var personArgument = IndexOf(parameters, Person);
        return async context =>
        {
            if (!Caller.From(context.HttpContext.User).SeesPseudonymsOnly)
            {
                return await next(context);
            }
            var reads = context.HttpContext.RequestServices.GetRequiredService<PseudonymizedReads>();
            return await reads.ReadAsync(context, next, teacherArgument, personArgument);
        };
    };

    private async Task<object?> ReadAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next, int teacherArgument, int personArgument)
    {
        if (directory.Pseudonyms is not { } pseudonyms)
        {
            return ExportEndpoints.KeyMissing();
        }
        var cancellationToken = context.HttpContext.RequestAborted;
        string? pseudonym = null;
        string? teacherId = null;
        if (teacherArgument >= 0 && context.Arguments[teacherArgument] is string id)
        {
            teacherId = await directory.TeacherAsync(id, cancellationToken);
            if (teacherId is null)
            {
                return Problems.NotFound($"No teacher has the pseudonym {Cut(id)}; pseudonymized readers name teachers by their pseudonyms (t- and 20 hex digits).");
            }
            (pseudonym, context.Arguments[teacherArgument]) = (id, teacherId);
        }
        if (personArgument >= 0 && context.Arguments[personArgument] is string person)
        {
            if (await directory.TeacherAsync(person, cancellationToken) is not { } personId)
            {
                return Problems.Invalid(Person, $"No teacher has the pseudonym {Cut(person)}; person takes a teacher's pseudonym (t- and 20 hex digits).");
            }
            context.Arguments[personArgument] = personId;
        }

        var result = await next(context);
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IValueHttpResult { Value: ProblemDetails problem })
        {
            // The endpoint's own message names the teacher it was given.
            if (teacherId is not null && problem.Detail is not null)
            {
                problem.Detail = problem.Detail.Replace(teacherId, pseudonym, StringComparison.Ordinal);
            }
            return result;
        }
        if (inner is not IValueHttpResult { Value: { } value })
        {
            return result;
        }
        var view = await PseudonymizedView.BuildAsync(value, pseudonyms, directory.Teacher, json.Value.SerializerOptions,
            texts => NameMask.ForAsync(store, texts, directory.Teacher, cancellationToken));
        return TypedResults.Json(view, json.Value.SerializerOptions);
    }

    private static int IndexOf(ParameterInfo[] parameters, string name) =>
        Array.FindIndex(parameters, p => p.Name == name && p.ParameterType == typeof(string));

    private static string Cut(string value) => value.Length <= 64 ? value : value[..64] + "…";
}
