using System.Diagnostics;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// The private PostgreSQL the tests run against. The test command (./test.sh) starts it and passes its connection
/// string in LEARNINGORG_TEST_DB; run from an IDE, the tests start it themselves with infra/postgres.sh.
/// Every fixture works in a schema of its own, so tests never see each other's streams.
/// </summary>
public static class TestDatabase
{
    private static readonly Lazy<string> Url = new(Resolve);

    public static string ConnectionString => Url.Value;

    public static string NewSchema() => $"t_{Guid.NewGuid():N}"[..20];

    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "LearningOrg.sln")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (LearningOrg.sln).");
    }

    private static string Resolve()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("LEARNINGORG_TEST_DB");
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return fromEnvironment;
        }
        var script = Path.Combine(RepositoryRoot(), "infra", "postgres.sh");
        using var process = Process.Start(new ProcessStartInfo("bash", [script, "start"]) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Split('\n')[^1] : throw new InvalidOperationException($"{script} start failed: {output}");
    }
}
