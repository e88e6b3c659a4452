using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningOrg.Domain.Json;

/// <summary>
/// The API's JSON: camelCase, enums by name only, and strict reading — a missing required field, a null where
/// none is allowed, an unknown or repeated property, a number sent as a string, an enum value not spelled exactly
/// as the contract names it, or a date-time without an offset is a 400, never a silently defaulted or guessed value.
/// One exception: occurredAt 0001-01-01T00:00:00Z is the unset value, which .NET clients send for "now" (see the
/// docs/rules-and-limits.md, "Hostile input and limits").
/// </summary>
public static class JsonContract
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        // Enum values by their contract names (PrincipalAlone, SpeakingUp), as stored and exported, and read back only so.
        options.Converters.Add(new ExactEnumConverter());
        // A date-time without an offset would be a guess at the caller's time zone.
        options.Converters.Add(new OffsetDateTimeConverter());
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // Which of two values for one field counts is a guess; refuse it.
        options.AllowDuplicateProperties = false;
        // The web defaults read "12" as 12; the contract's numbers are JSON numbers.
        options.NumberHandling = JsonNumberHandling.Strict;
        options.MaxDepth = 16;
    }
}

/// <summary>A JSON value the contract refuses, with a message for the caller that follows the field's name.</summary>
public sealed class ContractJsonException(string message) : JsonException(message);
