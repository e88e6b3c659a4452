using System.Diagnostics;

namespace LearningOrg.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of one test's own (infra/postgres.sh with LEARNINGORG_PG_DIR in a fresh folder), for tests
/// that stop and start the database: the server every other test shares is never touched. A restart keeps the port,
/// so the connection string stays valid. Disposing stops it and deletes its data.
/// </summary>
public sealed class PrivatePostgres : IAsyncDisposable
{
    private static readonly TimeSpan ScriptTimeout = TimeSpan.FromMinutes(2);

    private readonly string directory = Path.Combine(Path.GetTempPath(), $"learningorg-private-pg-{Guid.NewGuid():N}");

    private PrivatePostgres()
    {
    }

    public string ConnectionString { get; private set; } = string.Empty;

    public static async Task<PrivatePostgres> StartAsync()
    {
        var server = new PrivatePostgres();
        try
        {
            server.ConnectionString = await server.Run("start");
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server with a fast shutdown: open sessions are cut, their transactions rolled back.</summary>
    public Task StopAsync() => Run("stop");

    /// <summary>Starts the stopped server again, on the same port.</summary>
    public async Task RestartAsync()
    {
        var restarted = await Run("start");
        if (restarted != ConnectionString)
        {
            throw new InvalidOperationException($"The server came back as {restarted}, not {ConnectionString}.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Run("stop");
        }
        finally
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private async Task<string> Run(string command)
    {
        var script = Path.Combine(TestDatabase.RepositoryRoot(), "infra", "postgres.sh");
        var start = new ProcessStartInfo("bash", [script, command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["LEARNINGORG_PG_DIR"] = directory },
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not run {script}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(ScriptTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} {command} did not finish within {ScriptTimeout}.");
        }
        var text = (await output).Trim();
        return process.ExitCode == 0
            ? text.Split('\n')[^1]
            : throw new InvalidOperationException($"{script} {command} failed ({process.ExitCode}): {text} {await errors}");
    }
}
