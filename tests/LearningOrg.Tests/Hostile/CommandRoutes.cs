using System.Collections.Immutable;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningOrg.Domain;
using LearningOrg.Domain.Common;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace LearningOrg.Tests.Hostile;

/// <summary>The JSON kind of a command field, which decides the hostile values it gets.</summary>
public enum FieldKind { Text, Id, Ids, Texts, Integer, Number, Boolean, Enum }

/// <summary>One field of a command's body.</summary>
/// <param name="Optional">The record gives it a default, so a body may leave it out.</param>
public sealed record CommandField(string Name, FieldKind Kind, Type ClrType, bool Nullable, bool Optional = false);

/// <summary>A command route as the running app maps it: its path for the seeded aggregate, and its body's event type.</summary>
public sealed record CommandRoute(string Pattern, EventType Event, bool IsCreation, IReadOnlyList<CommandField> Fields)
{
    public string Aggregate => Event.Aggregate;

    /// <summary>The route for the seeded aggregate, or for a new one when the route creates.</summary>
    public string Path(string? id = null) =>
        Pattern.Replace("{id}", id ?? (IsCreation ? NewId() : SeededId(Aggregate)), StringComparison.Ordinal);

    /// <summary>A body of the right shape whose values would pass the field checks.</summary>
    public JsonObject ValidBody()
    {
        var body = new JsonObject();
        foreach (var field in Fields)
        {
            body[field.Name] = CommandRoutes.SampleValue(field);
        }
        return body;
    }

    public static string NewId() => "h-" + Guid.NewGuid().ToString("N")[..12];

    public static string SeededId(string aggregate) => aggregate switch
    {
        "school" => HostileApi.Seeded.School,
        "teacher" => HostileApi.Seeded.Teacher,
        "initiative" => HostileApi.Seeded.Initiative,
        "network" => HostileApi.Seeded.Network,
        _ => throw new ArgumentOutOfRangeException(nameof(aggregate), aggregate, null),
    };

    public override string ToString() => Pattern;
}

/// <summary>
/// Reads the command routes from the app's endpoints (every POST whose body is an event), so a route added later is
/// covered by the hostile corpus and the fuzz without listing it here.
/// </summary>
public static class CommandRoutes
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static IReadOnlyList<CommandRoute> From(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true)
            .Select(e => (Endpoint: e, Body: e.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType))
            .Where(e => e.Body is not null && e.Body.IsSubclassOf(typeof(DomainEvent)))
            .Select(e => new CommandRoute(e.Endpoint.RoutePattern.RawText!, EventCatalog.For(e.Body!),
                e.Endpoint.RoutePattern.RawText!.EndsWith("/{id}", StringComparison.Ordinal), FieldsOf(e.Body!)))
            .OrderBy(r => r.Pattern, StringComparer.Ordinal)];

    /// <summary>The body's fields: the record's constructor parameters, camelCase, then occurredAt.</summary>
    public static IReadOnlyList<CommandField> FieldsOf(Type eventType) =>
        [.. eventType.GetConstructors().Single()
            .GetParameters()
            .Select(p => new CommandField(JsonNamingPolicy.CamelCase.ConvertName(p.Name!), KindOf(p), Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType,
                Nullability.Create(p).ReadState == NullabilityState.Nullable, p.HasDefaultValue))];

    private static FieldKind KindOf(ParameterInfo parameter)
    {
        // An optional value (decimal?, an enum?) is tried as its value; the field is marked nullable.
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var idLike = parameter.Name!.EndsWith("Id", StringComparison.Ordinal) || parameter.Name == "Participants";
        return type switch
        {
            _ when type == typeof(string) => idLike ? FieldKind.Id : FieldKind.Text,
            _ when type == typeof(ImmutableArray<string>) => idLike ? FieldKind.Ids : FieldKind.Texts,
            _ when type == typeof(int) => FieldKind.Integer,
            _ when type == typeof(decimal) => FieldKind.Number,
            _ when type == typeof(bool) => FieldKind.Boolean,
            _ when type.IsEnum => FieldKind.Enum,
            _ => throw new NotSupportedException($"{parameter.Member.DeclaringType!.Name}.{parameter.Name} is a {type.Name}; teach the hostile corpus its kind."),
        };
    }

    /// <summary>A value that passes the field's own checks (what the seeded state says is another matter).</summary>
    public static JsonNode? SampleValue(CommandField field) => field.Kind switch
    {
        FieldKind.Id => field.Name switch
        {
            "schoolId" or "fromSchoolId" => HostileApi.Seeded.School,
            "toSchoolId" => HostileApi.Seeded.OtherSchool,
            "teacherId" => HostileApi.Seeded.Teacher,
            "roleId" => HostileApi.Seeded.Role,
            "episodeId" => HostileApi.Seeded.Episode,
            "measureId" => HostileApi.Seeded.Measure,
            "interventionId" => HostileApi.Seeded.Intervention,
            // Optional, and a type would decide the role's kind: left empty, it passes every rule.
            "roleTypeId" => null,
            _ => CommandRoute.NewId(),
        },
        FieldKind.Ids => new JsonArray(HostileApi.Seeded.Teacher),
        FieldKind.Text => "A plain value",
        FieldKind.Texts => new JsonArray("One item"),
        FieldKind.Integer => 2,
        FieldKind.Number => 1.5m,
        FieldKind.Boolean => true,
        FieldKind.Enum => Enum.GetNames(field.ClrType)[^1],
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
