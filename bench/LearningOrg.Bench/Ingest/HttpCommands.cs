using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using LearningOrg.Api.Http;
using LearningOrg.Bench.Generation;
using LearningOrg.Domain;

namespace LearningOrg.Bench.Ingest;

/// <summary>A command ready to send: its route, its body already serialized, and its idempotency key.</summary>
public sealed record HttpCommand(Uri Path, byte[] Body, string IdempotencyKey);

/// <summary>
/// Turns generated events into the API's commands and sends them. Each event type's route is read from the API's own
/// OpenAPI document (the operation named "{kind}-{EventType}"), so the bench follows the routes as they are mapped.
/// </summary>
public sealed class HttpCommands(HttpClient http)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    /// <summary>A client for <paramref name="clients"/> concurrent callers: a connection each, kept open.</summary>
    public static HttpClient CreateClient(Uri address, int clients, string bearerToken)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = clients,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseProxy = false,
        };
        var client = new HttpClient(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        return client;
    }

    /// <summary>The POST route of every command, by event type name ("DecisionRecorded.v1").</summary>
    public async Task<IReadOnlyDictionary<string, string>> RoutesAsync(CancellationToken cancellationToken)
    {
        using var document = JsonDocument.Parse(await http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative), cancellationToken));
        var operations = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            if (path.Value.TryGetProperty("post", out var post) && post.TryGetProperty("operationId", out var id))
            {
                operations[id.GetString()!] = path.Name;
            }
        }
        var routes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var type in EventCatalog.All)
        {
            if (operations.TryGetValue($"{type.Aggregate}-{type.ClrType.Name}", out var route))
            {
                routes[type.Name] = route;
            }
        }
        return routes;
    }

    /// <summary>The command that records <paramref name="e"/>: its body is the event as the store holds it.</summary>
    public static HttpCommand For(TemplateEvent e, IReadOnlyDictionary<string, string> routes)
    {
        if (!routes.TryGetValue(e.Type, out var route))
        {
            throw new InvalidOperationException($"The API has no command route for {e.Type}.");
        }
        var path = route.Replace("{id}", Uri.EscapeDataString(e.AggregateId), StringComparison.Ordinal);
        return new HttpCommand(new Uri(path, UriKind.Relative), Encoding.UTF8.GetBytes(e.Data.ToJsonString()), $"bench-{e.EventId:N}");
    }

    public async Task<(SendOutcome Outcome, string? Problem)> SendAsync(HttpCommand command, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, command.Path) { Content = new ByteArrayContent(command.Body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.TryAddWithoutValidation(CommandHeaders.IdempotencyKey, command.IdempotencyKey);
        using var response = await http.SendAsync(request, cancellationToken);
        var status = (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response.Headers.Contains(CommandHeaders.Replayed)
                ? (SendOutcome.Replayed, null)
                : (SendOutcome.Accepted, null);
        }
        var problemType = await ProblemTypeAsync(response, cancellationToken);
        return (status >= 500 ? SendOutcome.Error : SendOutcome.Rejected, $"{status} {problemType}");
    }

    private static async Task<string> ProblemTypeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
            var type = problem.RootElement.TryGetProperty("type", out var t) ? t.GetString() : null;
            var detail = problem.RootElement.TryGetProperty("detail", out var d) ? d.GetString() : null;
            return $"{type}: {detail?[..Math.Min(detail.Length, 120)]}";
        }
        catch (JsonException)
        {
            return "(no problem details)";
        }
    }
}
