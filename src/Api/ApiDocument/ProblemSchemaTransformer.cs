using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LearningOrg.Api.ApiDocument;

/// <summary>
/// Problem details carry the API's stable <c>code</c> and, for a bad field, its name in <c>field</c>, as extension
/// members (RFC 9457 allows more): describe both and leave room for others.
/// </summary>
internal sealed class ProblemSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // HttpValidationProblemDetails derives from ProblemDetails.
        if (context.JsonPropertyInfo is not null || !typeof(ProblemDetails).IsAssignableFrom(context.JsonTypeInfo.Type))
        {
            return Task.CompletedTask;
        }
        schema.Description = "An RFC 9457 problem. type is a stable URN; code repeats its last part for clients that switch on it.";
        schema.Properties ??= new Dictionary<string, IOpenApiSchema>();
        schema.Properties["code"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The problem's stable code, such as invalid-field, not-found, stale-version or unauthenticated.",
        };
        schema.Properties["field"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "The request field, query parameter or header the problem is about, when there is one.",
        };
        schema.AdditionalProperties = null;
        schema.AdditionalPropertiesAllowed = true;
        return Task.CompletedTask;
    }
}
