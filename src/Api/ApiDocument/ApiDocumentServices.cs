using LearningOrg.EventStore;
using Microsoft.AspNetCore.OpenApi;

namespace LearningOrg.Api.ApiDocument;

/// <summary>The OpenAPI document at /openapi/v1.json, complete enough for a client generator (see docs/api.md).</summary>
public static class ApiDocumentServices
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            // One envelope type serves the store, the API and the exports; the API's contract names it plainly.
            options.CreateSchemaReferenceId = type =>
                type.Type.IsGenericType && type.Type.GetGenericTypeDefinition() == typeof(EventEnvelope<>)
                    ? "EventEnvelope"
                    : OpenApiOptions.CreateDefaultSchemaReferenceId(type);
            options.AddSchemaTransformer<EnumSchemaTransformer>();
            options.AddSchemaTransformer<OffsetDateSchemaTransformer>();
            options.AddSchemaTransformer<ProblemSchemaTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddDocumentTransformer<DocumentTransformer>();
        });
}
