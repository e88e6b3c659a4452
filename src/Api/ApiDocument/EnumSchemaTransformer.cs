using System.Text.Json.Nodes;
using LearningOrg.Domain.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LearningOrg.Api.ApiDocument;

/// <summary>
/// Enums travel as their exact names (<see cref="Http.ExactEnumConverter"/>), a converter the schema generator cannot
/// see through: say so in the schema, with the allowed names, so generated clients get real enums.
/// </summary>
internal sealed class EnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        // A nullable enum is a oneOf of null and this same component, so the names alone are enough for both.
        var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
        if (type.IsEnum)
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = Enum.GetNames(type).Select(name => (JsonNode)JsonValue.Create(name)).ToList();
        }
        return Task.CompletedTask;
    }
}
