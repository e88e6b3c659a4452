using System.Diagnostics;
using System.Runtime.InteropServices;
using Npgsql;

namespace LearningOrg.Bench.Harness;

/// <summary>What the numbers were measured on, read from the machine itself.</summary>
public sealed record MachineInfo(int Cores, string Memory, string Cpu, string OperatingSystem, string Runtime, string PostgreSql, string Commit)
{
    public static async Task<MachineInfo> ReadAsync(string connectionString, string repositoryRoot, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var version = new NpgsqlCommand("SHOW server_version", connection);
        var postgres = (string?)await version.ExecuteScalarAsync(cancellationToken) ?? "?";
        await using var fsync = new NpgsqlCommand("SHOW fsync", connection);
        var durability = (string?)await fsync.ExecuteScalarAsync(cancellationToken) ?? "?";
        await using var commit = new NpgsqlCommand("SHOW synchronous_commit", connection);
        var synchronous = (string?)await commit.ExecuteScalarAsync(cancellationToken) ?? "?";
        return new MachineInfo(
            Environment.ProcessorCount,
            TotalMemory(),
            FirstMatch("/proc/cpuinfo", "model name") ?? RuntimeInformation.ProcessArchitecture.ToString(),
            RuntimeInformation.OSDescription,
            RuntimeInformation.FrameworkDescription,
            $"{postgres} (fsync {durability}, synchronous_commit {synchronous})",
            GitCommit(repositoryRoot));
    }

    private static string TotalMemory()
    {
        var line = FirstMatch("/proc/meminfo", "MemTotal");
        if (line is null || !long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0], out var kib))
        {
            return "?";
        }
        return $"{kib / 1024.0 / 1024.0:0.0} GiB";
    }

    private static string? FirstMatch(string file, string key)
    {
        if (!File.Exists(file))
        {
            return null;
        }
        var line = File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
        return line?[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
    }

    private static string GitCommit(string repositoryRoot)
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", ["-C", repositoryRoot, "rev-parse", "--short", "HEAD"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var sha = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? sha : "?";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
