using System.Diagnostics;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// The private Azurite (Azure Storage emulator) the Azure grain storage tests run against. The test command
/// (./test.sh) starts it and passes its connection string in LEARNINGORG_TEST_AZURITE; run from an IDE, the tests
/// start it themselves with infra/azurite.sh. Every fixture works in a blob container of its own.
/// </summary>
public static class TestAzurite
{
    private static readonly Lazy<string> Url = new(Resolve);

    public static string ConnectionString => Url.Value;

    /// <summary>A fresh container name that follows Azure's rules (lower-case letters, digits, hyphens).</summary>
    public static string NewContainerName() => $"test-{Guid.NewGuid():N}";

    private static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEARNINGORG_TEST_AZURITE");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "infra", "azurite.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Split('\n')[^1] : throw new InvalidOperationException($"{script} start failed: {output}");
    }
}
