using LearningOrg.Api.Http;
using LearningOrg.Grains.Abstractions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LearningOrg.Api.ApiDocument;

/// <summary>
/// Documents the problems each operation can answer, from what its endpoint declares rather than route by route:
/// 401 and 403 unless it allows anonymous callers, 400 when it takes input, 404 when its path names a resource, 413
/// and 415 when it reads a body, 409 and 412 for commands (<see cref="CommandEndpoint"/>, which also read the
/// Idempotency-Key and If-Match headers), and 503 when it needs the store or the cluster (every signed-in route).
/// Anonymous operations lift the document's bearer requirement.
/// </summary>
internal sealed class ProblemResponsesTransformer : IOpenApiOperationTransformer
{
    public const string ProblemContentType = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var parameters = context.Description.ParameterDescriptions;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var command = metadata.OfType<CommandEndpoint>().Any();
        var hasBody = operation.RequestBody is not null;
        var namesResource = parameters.Any(p => p.Source == BindingSource.Path);
        var takesInput = hasBody || parameters.Any(p => p.Source == BindingSource.Path || p.Source == BindingSource.Query || p.Source == BindingSource.Header);

        if (command)
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(Header(CommandHeaders.IdempotencyKey,
                $"1 to {CommandContext.MaxCommandIdLength} printable ASCII characters. A retry with the same key records nothing new and gets the first answer (Idempotent-Replayed: true); the same key with another body is 409."));
            operation.Parameters.Add(Header("If-Match",
                "An ETag from this API, such as \"12\": the command is recorded only if the stream is still at that version, else 412."));
        }

        var problems = new List<(int Status, string Description, bool Validation)>();
        if (takesInput)
        {
            problems.Add((StatusCodes.Status400BadRequest, "The request is not valid: errors names each offending field, query parameter or header.", true));
        }
        if (!anonymous)
        {
            problems.Add((StatusCodes.Status401Unauthorized, "No valid bearer token was sent.", false));
            problems.Add((StatusCodes.Status403Forbidden, "The caller's role or scope does not allow this request.", false));
        }
        if (namesResource)
        {
            problems.Add((StatusCodes.Status404NotFound, "Nothing has been recorded under this id, or the route does not lead to it.", false));
        }
        if (command)
        {
            problems.Add((StatusCodes.Status409Conflict, "The recorded history refuses the command (its code says which rule), or the Idempotency-Key was used with another body.", false));
            problems.Add((StatusCodes.Status412PreconditionFailed, "If-Match names a version the stream has moved past: read again and retry.", false));
        }
        if (hasBody)
        {
            problems.Add((StatusCodes.Status413PayloadTooLarge, $"The body is larger than the limit ({ApiLimits.MaxBodyBytes} bytes).", false));
            problems.Add((StatusCodes.Status415UnsupportedMediaType, "The body's content type is not one this operation reads.", false));
        }
        if (!anonymous)
        {
            problems.Add((StatusCodes.Status503ServiceUnavailable, "The store or the cluster did not answer; retry after Retry-After seconds with the same Idempotency-Key.", false));
        }

        operation.Responses ??= [];
        foreach (var (status, description, validation) in problems)
        {
            var schema = validation
                ? await Component<HttpValidationProblemDetails>(context, cancellationToken)
                : await Component<ProblemDetails>(context, cancellationToken);
            var key = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            // A response the endpoint declared itself keeps its own description.
            var declared = operation.Responses.TryGetValue(key, out var existing) ? existing.Description : null;
            operation.Responses[key] = new OpenApiResponse
            {
                Description = string.IsNullOrEmpty(declared) || declared == ReasonPhrase(status) ? description : declared,
                Content = new Dictionary<string, OpenApiMediaType> { [ProblemContentType] = new() { Schema = schema } },
            };
        }
        if (anonymous)
        {
            operation.Security = [];
        }
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name,
        In = ParameterLocation.Header,
        Required = false,
        Description = description,
        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };

    private static string ReasonPhrase(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);

    private static async Task<IOpenApiSchema> Component<T>(OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document!;
        var id = typeof(T).Name;
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        if (!document.Components.Schemas.ContainsKey(id))
        {
            document.AddComponent(id, await context.GetOrCreateSchemaAsync(typeof(T), null, cancellationToken));
        }
        return new OpenApiSchemaReference(id, document);
    }
}
