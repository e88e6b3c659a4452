using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Faults;

/// <summary>A refusal or failure as it came over HTTP: status, problem type and code, and the headers that matter.</summary>
internal sealed record ProblemResponse(HttpStatusCode Status, string? MediaType, string? RetryAfter, string? Type, string? Code, string Body);

/// <summary>Sends workload commands to one API node over HTTP, and keeps every answer that was not a success.</summary>
internal sealed class HttpCommands(ApiFixture api)
{
    private readonly ConcurrentQueue<ProblemResponse> problems = new();

    /// <summary>Every non-2xx answer so far.</summary>
    public IReadOnlyCollection<ProblemResponse> Problems => problems;

    public Task<Answer> Send(PlannedCommand command) => Send(command, ifMatch: null);

    public async Task<Answer> Send(PlannedCommand command, string? ifMatch)
    {
        using var response = await api.Post(command.Path, command.Event, command.CommandId, ifMatch);
        if (response.IsSuccessStatusCode)
        {
            var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
            return new Answer.Accepted(accepted.GetProperty("version").GetInt64(), accepted.GetProperty("replayed").GetBoolean());
        }
        var problem = await Read(response);
        problems.Enqueue(problem);
        return problem.Status == HttpStatusCode.ServiceUnavailable
            ? new Answer.Failed($"503 {problem.Type}")
            : new Answer.Refused(problem.Code ?? $"http-{(int)problem.Status}", problem.Body);
    }

    public static async Task<ProblemResponse> Read(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        string? type = null, code = null;
        if (response.Content.Headers.ContentType?.MediaType == "application/problem+json")
        {
            var json = JsonSerializer.Deserialize<JsonElement>(body);
            type = json.TryGetProperty("type", out var t) ? t.GetString() : null;
            code = json.TryGetProperty("code", out var c) ? c.GetString() : null;
        }
        return new ProblemResponse(response.StatusCode, response.Content.Headers.ContentType?.MediaType,
            response.Headers.RetryAfter?.ToString(), type, code, body);
    }
}
