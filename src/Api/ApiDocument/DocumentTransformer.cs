using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LearningOrg.Api.ApiDocument;

/// <summary>
/// What the document says as a whole: its title and purpose, how API clients authenticate (a bearer token, required
/// by every operation that does not say otherwise), what each tag groups, and server URLs without a trailing slash.
/// </summary>
internal sealed class DocumentTransformer : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "bearer";

    /// <summary>Every tag an endpoint group uses, with what it groups; a tag missing here fails the document's test.</summary>
    public static readonly IReadOnlyDictionary<string, string> Tags = new Dictionary<string, string>
    {
        ["Schools"] = "A school's own history: registration, staff, leadership stage, teacher-leader roles, decisions and breaking-ranks episodes. One POST per event; reads of its state, events and replay.",
        ["Teachers"] = "A teacher's history: registration, moves between schools, professional learning, informal leadership and collaborations.",
        ["Initiatives"] = "A state, district or school initiative run the way the toolkits advise: purpose, context, measures, role frameworks, enrolments, phases and interventions.",
        ["Networks"] = "Networks of schools: formation, members joining and leaving.",
        ["Timelines"] = "Read-side views of a school: its timeline across aggregates, its breaking-ranks episodes as spans, and the live feed of new entries.",
        ["Culture"] = "Culture indicators derived from the events: a school's monthly trajectory and a network's schools compared or aligned.",
        ["Research"] = "Exports fixed at a global sequence (JSON Lines or CSV, pseudonymized unless granted), their codebook, and imports of historical records.",
        ["Privacy"] = "Erasure of a teacher's personal data and the erasure log.",
        ["Contract"] = "The event catalog: every event type a stream may hold, with its fields.",
        ["Development"] = "Routes for local development only, present when the local token issuer is enabled.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "LearningOrg API";
        document.Info.Version = "v1";
        document.Info.Description =
            "Records how a school turns from a flat hierarchy into a learning organization: every command is an event " +
            "that is never overwritten. Commands are POSTs whose body is the event to record; send Idempotency-Key to make " +
            "retries safe and If-Match with a read ETag to refuse stale writes. Every failure is an RFC 9457 problem " +
            "(application/problem+json) with a stable code; a 400 names each offending field in errors.";

        foreach (var server in document.Servers ?? [])
        {
            server.Url = server.Url?.TrimEnd('/');
        }

        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT from the configured issuer (Auth:Authority), or from the local issuer in development. " +
                "Its role claim and scope claims (school, network, initiative) decide what the caller may read and record. " +
                "The web app signs in with a cookie instead; API clients send this token.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, document)] = [] }];

        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
        {
            if (tag.Name is { } name && Tags.TryGetValue(name, out var description))
            {
                tag.Description = description;
            }
        }
        return Task.CompletedTask;
    }
}
