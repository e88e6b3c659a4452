using LearningOrg.Domain.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace LearningOrg.Api.ApiDocument;

/// <summary>
/// Dates travel through <see cref="Http.OffsetDateTimeConverter"/>, a converter the schema generator cannot see
/// through: say they are strings in date-time format, also as dictionary values, so generated clients read them as
/// dates with their offset.
/// </summary>
internal sealed class OffsetDateSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if (IsDate(type))
        {
            // A query parameter left out is simply absent: null is no value a client sends.
            Describe(schema, nullable: Nullable.GetUnderlyingType(type) is not null && context.ParameterDescription is null);
        }
        else if (DictionaryValueType(type) is { } valueType && IsDate(valueType))
        {
            var values = new OpenApiSchema();
            Describe(values, nullable: Nullable.GetUnderlyingType(valueType) is not null);
            schema.AdditionalProperties = values;
        }
        return Task.CompletedTask;
    }

    private static bool IsDate(Type type) => (Nullable.GetUnderlyingType(type) ?? type) == typeof(DateTimeOffset);

    private static void Describe(OpenApiSchema schema, bool nullable)
    {
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = "date-time";
    }

    private static Type? DictionaryValueType(Type type) =>
        type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyDictionary<,>))
            ?.GetGenericArguments()[1];
}
