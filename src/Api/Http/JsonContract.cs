using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningOrg.Api.Http;

/// <summary>
/// The API's JSON: camelCase, enums by name only, and strict reading — a missing required field, a null where
/// none is allowed, an unknown property or an unknown enum value is a 400, never a silently defaulted value.
/// </summary>
public static class JsonContract
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Enum values by their contract names (PrincipalAlone, SpeakingUp), as stored and exported.
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.MaxDepth = 16;
    }
}
