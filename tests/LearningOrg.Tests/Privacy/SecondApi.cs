using LearningOrg.Tests.Infrastructure;

namespace LearningOrg.Tests.Privacy;

/// <summary>Another API over an existing schema, with a pseudonym key of its choice; started and disposed by the test.</summary>
public sealed class SecondApi(string schema, string? pseudonymKey = ApiFixture.PseudonymKey) : ApiFixture(schema)
{
    protected override string? ResearchPseudonymKey => pseudonymKey;

    public static async Task<SecondApi> StartAsync(string schema, string? pseudonymKey = PseudonymKey)
    {
        var api = new SecondApi(schema, pseudonymKey);
        await ((IAsyncLifetime)api).InitializeAsync();
        return api;
    }
}
