using System.Globalization;
using System.Text;
using FsCheck.Xunit;

namespace LearningOrg.Tests.Hostile;

/// <summary>
/// A property-based fuzz over the command payloads: a valid body for a route picked at random, mutated by a random
/// list of changes (fields dropped, types swapped, strings lengthened, random Unicode including lone surrogates and
/// control characters, odd numbers, ids, enum names and dates), posted to that route. The answer is 2xx, or a 4xx
/// with problem details that wrote nothing; never a 5xx.
/// </summary>
public sealed class CommandFuzzProperties(HostileApi api) : IClassFixture<HostileApi>
{
    private static readonly string[] OtherTypes = ["12", "\"12\"", "true", "{}", "[]", "null", "[1]", "{\"a\":[{}]}"];

    private static readonly int[] Lengths = [0, 1, 20, 64, 65, 100, 101, 200, 201, 500, 501, 2000, 2001, 4000, 4001, 70_000];

    private static readonly string[] Numbers =
        ["0", "-1", "1", "4", "60", "61", "100", "101", "10000", "10001", "2147483647", "2147483648", "1.5", "-0", "1e308", "79228162514264337593543950335"];

    private static readonly string[] OddStrings =
    [
        "", " ", "\t", "Shared", "shared", "SpeakingUp", "Resistance", "Design", "School", "../x", "a/b", "\u0455chool", "a\u0000", "\ud800",
        "\u202eevil", "ma\u200bple", "e\u0301", "0f8fad5b-d9cb-469f-a165-70867728950e", "0f8fad5b-d9cb-469f-a165-70867728950e ",
        HostileApi.Seeded.School, HostileApi.Seeded.OtherSchool, HostileApi.Seeded.Teacher, HostileApi.Seeded.Role,
        HostileApi.Seeded.Episode, HostileApi.Seeded.Measure, HostileApi.Seeded.Intervention, "x' or '1'='1", "<script>alert(1)</script>",
    ];

    private static readonly string[] Dates =
    [
        "\"2021-06-01T00:00:00Z\"", "\"2021-01-04T09:00:00+00:00\"", "\"2021-01-03T00:00:00Z\"", "\"0001-01-01T00:00:00Z\"", "\"0001-01-01\"",
        "\"1899-12-31T00:00:00Z\"", "\"9999-12-31T23:59:59Z\"", "\"2024-02-30T00:00:00Z\"", "\"yesterday\"", "1700000000", "null",
    ];

    private static readonly string[] Lists =
    [
        "[]", $"[\"{HostileApi.Seeded.Teacher}\"]", "[null]", "[\"a\",\"a\"]", "[\"One item\",\"Two\"]",
        "[" + string.Join(",", Enumerable.Range(0, 60).Select(i => $"\"item-{i}\"")) + "]",
        "[" + string.Join(",", Enumerable.Range(0, 201).Select(i => $"\"t-{i}\"")) + "]",
    ];

    [Property(MaxTest = 200, EndSize = 30)]
    public Task A_mutated_command_is_accepted_or_refused_with_problem_details_and_a_refusal_writes_nothing(int routePick, int[] changes, string noise) =>
        // Off xunit's synchronization context: FsCheck waits for the task.
        Task.Run(() => Check(routePick, changes ?? [], noise ?? string.Empty));

    private async Task Check(int routePick, int[] changes, string noise)
    {
        await api.SeedAsync();
        var routes = CommandRoutes.From(api.Services);
        var route = routes[(int)((uint)routePick % (uint)routes.Count)];
        var body = route.ValidBody().Select(p => (Name: p.Key, Json: p.Value?.ToJsonString() ?? "null")).ToList();
        var names = route.Fields.Select(f => f.Name).Append("occurredAt").ToList();
        foreach (var change in changes)
        {
            Mutate(body, names, (uint)change, noise);
        }
        var json = "{" + string.Join(",", body.Select(p => $"{JsonString(p.Name)}:{p.Json}")) + "}";

        var answer = await api.SendAsync(HostileApi.JsonRequest(HttpMethod.Post, route.Path(), json));

        var refusal = answer.Code is >= 200 and < 300 ? null : answer.RefusalProblem();
        Assert.True(refusal is null, $"{route.Pattern} with {Cut(json)}: {refusal}");
    }

    private static void Mutate(List<(string Name, string Json)> body, List<string> names, uint change, string noise)
    {
        var name = names[(int)(change >> 4) % names.Count];
        var pick = (int)(change >> 8);
        var value = (change & 0xF) switch
        {
            0 => null,
            1 => OtherTypes[pick % OtherTypes.Length],
            2 => JsonString(new string('x', Lengths[pick % Lengths.Length])),
            3 => JsonString(noise),
            4 => JsonString(string.Concat(Enumerable.Repeat(noise, 1 + (pick % 50)))),
            5 => Numbers[pick % Numbers.Length],
            6 => JsonString(OddStrings[pick % OddStrings.Length]),
            7 => Dates[pick % Dates.Length],
            8 => Lists[pick % Lists.Length],
            9 => "1",
            _ => string.Empty,
        };
        if ((change & 0xF) == 9)
        {
            // An unknown field beside the known ones.
            name = "extra" + (pick % 3).ToString(CultureInfo.InvariantCulture);
        }
        var at = body.FindIndex(p => p.Name == name);
        if (value is null)
        {
            if (at >= 0)
            {
                body.RemoveAt(at);
            }
        }
        else if (value.Length > 0)
        {
            if (at >= 0)
            {
                body[at] = (name, value);
            }
            else
            {
                body.Add((name, value));
            }
        }
    }

    /// <summary>A JSON string with every character outside printable ASCII escaped, so lone surrogates and NUL reach the server as sent.</summary>
    private static string JsonString(string text)
    {
        var json = new StringBuilder("\"", text.Length + 2);
        foreach (var c in text)
        {
            if (c is '"' or '\\')
            {
                json.Append('\\').Append(c);
            }
            else if (c is < ' ' or > '~')
            {
                json.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            }
            else
            {
                json.Append(c);
            }
        }
        return json.Append('"').ToString();
    }

    private static string Cut(string text) => text.Length <= 400 ? text : text[..400] + "…";
}
