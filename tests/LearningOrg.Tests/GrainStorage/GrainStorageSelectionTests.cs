using LearningOrg.GrainStorage;
using LearningOrg.GrainStorage.AdoNet;
using LearningOrg.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace LearningOrg.Tests.GrainStorage;

/// <summary>GrainStorage:Provider and its settings, and the ADO.NET schema script.</summary>
public sealed class GrainStorageSelectionTests
{
    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();

    [Theory]
    [InlineData(null, GrainStorageProvider.Memory)]
    [InlineData("memory", GrainStorageProvider.Memory)]
    [InlineData("AzureBlob", GrainStorageProvider.AzureBlob)]
    [InlineData("adonet", GrainStorageProvider.AdoNet)]
    public void The_provider_is_read_case_insensitively_and_defaults_to_memory(string? value, GrainStorageProvider expected)
    {
        var configuration = value is null ? Settings() : Settings(("GrainStorage:Provider", value));

        Assert.Equal(expected, GrainStorageSelection.ProviderFrom(configuration));
    }

    [Theory]
    [InlineData("Redis")]
    [InlineData("7")]
    public void An_unknown_provider_is_refused_with_the_allowed_values(string value)
    {
        var error = Assert.Throws<InvalidOperationException>(() => GrainStorageSelection.ProviderFrom(Settings(("GrainStorage:Provider", value))));

        Assert.Contains("Memory, AzureBlob or AdoNet", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_azure_provider_without_a_connection_string_fails_at_registration_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder();

        var error = Assert.Throws<InvalidOperationException>(() =>
            builder.UseOrleans(silo => silo.AddLearningOrgGrainStorage(Settings(("GrainStorage:Provider", "AzureBlob")))));

        Assert.Contains("GrainStorage:AzureConnectionString", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_schema_script_applies_twice_into_a_fresh_schema_and_keeps_the_stored_state()
    {
        var schema = TestDatabase.NewSchema();
        var connectionString = $"{TestDatabase.ConnectionString};Search Path={schema}";
        var installer = new PersistenceSchema(connectionString, NullLogger<PersistenceSchema>.Instance);
        await installer.ApplyAsync(CancellationToken.None);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var write = new NpgsqlCommand("SELECT learningorg_write_grain_state(1, 0, 0, 2, 'notebook', 'kept', 'svc', NULL, '\\x01')", connection))
        {
            Assert.Equal(1, await write.ExecuteScalarAsync());
        }

        await installer.ApplyAsync(CancellationToken.None);

        await using var queries = new NpgsqlCommand("SELECT string_agg(querykey, ',' ORDER BY querykey) FROM orleansquery", connection);
        Assert.Equal("ClearStorageKey,ReadFromStorageKey,WriteToStorageKey", await queries.ExecuteScalarAsync());
        await using var kept = new NpgsqlCommand("SELECT version FROM learningorg_grain_state WHERE grainidextensionstring = 'kept'", connection);
        Assert.Equal(1, await kept.ExecuteScalarAsync());
        await using var drop = new NpgsqlCommand($"DROP SCHEMA {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
