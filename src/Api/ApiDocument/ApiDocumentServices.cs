namespace LearningOrg.Api.ApiDocument;

/// <summary>The OpenAPI document at /openapi/v1.json, complete enough for a client generator (see docs/api.md).</summary>
public static class ApiDocumentServices
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<EnumSchemaTransformer>();
            options.AddSchemaTransformer<OffsetDateSchemaTransformer>();
            options.AddSchemaTransformer<ProblemSchemaTransformer>();
            options.AddOperationTransformer<ProblemResponsesTransformer>();
            options.AddDocumentTransformer<DocumentTransformer>();
        });
}
