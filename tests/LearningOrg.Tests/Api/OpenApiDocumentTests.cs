using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using LearningOrg.Domain.Schools;
using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Api;

/// <summary>
/// /openapi/v1.json as a client team uses it: the snapshot their client is generated from must be the live document,
/// Redocly's recommended rules must find no error in it, and it must say what each operation can answer.
/// </summary>
public sealed class OpenApiDocumentTests(ApiFixture api) : IClassFixture<ApiFixture>
{
    /// <summary>Set to 1 to write the live document over the snapshot instead of comparing.</summary>
    public const string AcceptVariable = "LEARNINGORG_ACCEPT_OPENAPI";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string SnapshotPath => Path.Combine(TestDatabase.RepositoryRoot(), "tests", "LearningOrg.ApiClient", "openapi.json");

    private async Task<JsonObject> LiveDocument() =>
        JsonNode.Parse(await api.Http.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)))!.AsObject();

    /// <summary>The document without what depends on where it was served from (servers), as the snapshot holds it.</summary>
    private static string Normalized(JsonObject document)
    {
        var copy = document.DeepClone().AsObject();
        copy.Remove("servers");
        return copy.ToJsonString(Indented).ReplaceLineEndings("\n") + "\n";
    }

    [Fact]
    public async Task The_generated_client_is_built_from_the_live_document()
    {
        var live = Normalized(await LiveDocument());
        if (Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            await File.WriteAllTextAsync(SnapshotPath, live);
        }

        var snapshot = File.Exists(SnapshotPath) ? (await File.ReadAllTextAsync(SnapshotPath)).ReplaceLineEndings("\n") : string.Empty;
        Assert.True(snapshot == live,
            "The API's /openapi/v1.json differs from tests/LearningOrg.ApiClient/openapi.json, from which the typed client is generated. " +
            $"If the change is intended, run `{AcceptVariable}=1 ./test.sh --filter \"FullyQualifiedName~OpenApiDocumentTests\"`, " +
            "then build again so Kiota regenerates the client, and commit the snapshot (see docs/api.md). First difference: " + FirstDifference(snapshot, live));
    }

    [Fact]
    public async Task Redocly_recommended_rules_find_no_error_in_the_live_document()
    {
        var file = Path.Combine(Path.GetTempPath(), $"learningorg-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, (await LiveDocument()).ToJsonString(Indented));
        try
        {
            var (exitCode, output, errors) = await Run(Path.Combine(TestDatabase.RepositoryRoot(), "infra", "redocly.sh"), "lint", file, "--format", "json");
            var report = JsonNode.Parse(output[output.IndexOf('{', StringComparison.Ordinal)..])!;
            var problems = report["problems"]!.AsArray()
                .Select(p => $"{p!["severity"]} {p["ruleId"]} at {p["location"]![0]!["pointer"]}: {p["message"]}")
                .ToList();

            Assert.True(report["totals"]!["errors"]!.GetValue<int>() == 0, "Redocly found errors:\n" + string.Join("\n", problems) + "\n" + errors);
            Assert.Equal(0, exitCode);
            // The warnings left: the project names no license, and the public catalogs (events, role types) have no failure to document.
            Assert.All(problems, problem => Assert.True(
                problem.Contains(" info-license ", StringComparison.Ordinal)
                || problem.Contains(" operation-4xx-response at #/paths/~1api~1event-types/", StringComparison.Ordinal)
                || problem.Contains(" operation-4xx-response at #/paths/~1api~1catalogs~1role-types/", StringComparison.Ordinal),
                "Unexpected Redocly warning: " + problem));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Every_operation_documents_its_problem_responses_as_problem_json()
    {
        var document = await LiveDocument();
        var missing = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, node) in item!.AsObject())
            {
                var operation = node!.AsObject();
                var name = $"{method.ToUpperInvariant()} {path}";
                var responses = operation["responses"]!.AsObject();
                var parameters = operation["parameters"]?.AsArray().Select(p => p!["in"]!.GetValue<string>()).ToList() ?? [];
                var anonymous = operation["security"] is JsonArray { Count: 0 };
                var hasBody = operation["requestBody"] is not null;
                var command = operation["parameters"]?.AsArray().Any(p => p!["name"]!.GetValue<string>() == "Idempotency-Key") == true;

                var expected = new List<string>();
                if (hasBody || parameters.Count > 0)
                {
                    expected.Add("400");
                }
                if (!anonymous)
                {
                    expected.AddRange(["401", "403", "503"]);
                }
                if (parameters.Contains("path"))
                {
                    expected.Add("404");
                }
                if (command)
                {
                    expected.AddRange(["409", "412"]);
                }
                if (hasBody)
                {
                    expected.AddRange(["413", "415"]);
                }
                missing.AddRange(expected.Where(status => !responses.ContainsKey(status)).Select(status => $"{name}: no {status}"));
                missing.AddRange(responses
                    .Where(r => r.Key[0] is '4' or '5' && r.Value!["content"]?["application/problem+json"]?["schema"] is null)
                    .Select(r => $"{name}: {r.Key} is not application/problem+json"));
                foreach (var text in new[] { "operationId", "summary", "description" })
                {
                    if (string.IsNullOrWhiteSpace(operation[text]?.GetValue<string>()))
                    {
                        missing.Add($"{name}: no {text}");
                    }
                }
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Enum_schemas_list_the_names_the_API_reads_and_writes()
    {
        var schemas = (await LiveDocument())["components"]!["schemas"]!.AsObject();
        var enums = typeof(SchoolRegistered).Assembly.GetTypes().Where(t => t.IsEnum && t.IsPublic && schemas.ContainsKey(t.Name)).ToList();

        Assert.Contains(typeof(BreakingRanksLevel), enums);
        Assert.Contains(typeof(DecisionMode), enums);
        Assert.Contains(typeof(LeadershipStage), enums);
        Assert.Contains(typeof(LearningOrg.Domain.Initiatives.Sponsor), enums);
        Assert.All(enums, type =>
        {
            var schema = schemas[type.Name]!;
            Assert.Equal("string", schema["type"]?.GetValue<string>());
            Assert.Equal(Enum.GetNames(type), schema["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        });
    }

    [Fact]
    public async Task API_clients_are_told_to_send_a_bearer_token_and_public_operations_need_none()
    {
        var document = await LiveDocument();

        var scheme = document["components"]!["securitySchemes"]!["bearer"]!;
        Assert.Equal("http", scheme["type"]!.GetValue<string>());
        Assert.Equal("bearer", scheme["scheme"]!.GetValue<string>());
        Assert.NotNull(document["security"]![0]!["bearer"]);
        Assert.Empty(document["paths"]!["/api/event-types"]!["get"]!["security"]!.AsArray());
        Assert.All(document["tags"]!.AsArray(), tag => Assert.False(string.IsNullOrWhiteSpace(tag!["description"]?.GetValue<string>()), $"tag {tag!["name"]} has no description"));
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var a = i < expectedLines.Length ? expectedLines[i] : "(end)";
            var b = i < actualLines.Length ? actualLines[i] : "(end)";
            if (a != b)
            {
                return $"line {i + 1}: snapshot `{a.Trim()}`, live `{b.Trim()}`.";
            }
        }
        return "none.";
    }

    private static async Task<(int ExitCode, string Output, string Errors)> Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo("bash", [script, .. arguments]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        // The first run installs Redocly with npm; later ones take seconds.
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await output, await errors);
    }
}
