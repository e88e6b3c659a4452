using LearningOrg.Domain;
using LearningOrg.Research;

namespace LearningOrg.Api.Endpoints;

/// <summary>GET /api/event-types: the public event contract, generated from the event records themselves.</summary>
public static class EventTypeEndpoints
{
    public sealed record EventField(string Name, string Type, bool Optional);

    public sealed record EventTypeInfo(string Name, string Aggregate, int Version, IReadOnlyList<EventField> Fields);

    public static IReadOnlyList<EventTypeInfo> Describe() =>
        [.. EventCatalog.All.Select(t => new EventTypeInfo(t.Name, t.Aggregate, t.Version, FieldsOf(t.ClrType)))];

    public static IEndpointRouteBuilder MapEventTypes(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/event-types", () => TypedResults.Ok(Describe()))
            .AllowAnonymous()
            .WithTags("Contract")
            .WithName("event-types")
            .WithSummary("Every event type with its fields; all events also carry occurredAt, recordedAt, recordedBy and commandId")
            .WithDescription("The catalog of what a stream may hold: each type's versioned name, its aggregate, and its fields with their types. Public, so clients can check their contract.");
        return app;
    }

    private static List<EventField> FieldsOf(Type type) =>
    [
        .. EventShapes.For(type).Fields.Select(f => new EventField(f.Name, TypeName(f.ClrType), f.Nullable)),
        new EventField("occurredAt", "date-time", true),
    ];

    private static string TypeName(Type type) => type switch
    {
        _ when type == typeof(string) => "string",
        _ when type == typeof(int) => "integer",
        _ when type == typeof(decimal) => "number",
        _ when type == typeof(bool) => "boolean",
        _ when type == typeof(DateTimeOffset) => "date-time",
        { IsEnum: true } => $"one of {string.Join(", ", Enum.GetNames(type))}",
        { IsGenericType: true } when type.GetGenericArguments()[0] == typeof(string) => "string[]",
        _ => type.Name,
    };

}
