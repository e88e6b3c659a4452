using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using LearningOrg.Hosting;

namespace LearningOrg.Bench.Ingest;

/// <summary>
/// The Release build of src/Api as a process of its own (embedded silo, dashboard off), on a schema of the bench
/// database, with its resident memory sampled while it runs: what a deployment runs, measured from outside.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    /// <summary>The kernel's USER_HZ, which /proc reports CPU times in: 100 on Linux for every architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    private readonly Process process;
    private readonly ConsoleLog log;
    private readonly CancellationTokenSource sampling = new();
    private readonly Task sampler;
    private long peakSampledRssKib;
    private long samples;

    private ApiProcess(Process process, ConsoleLog log, Uri address)
    {
        this.process = process;
        this.log = log;
        Address = address;
        sampler = SampleAsync(sampling.Token);
    }

    public Uri Address { get; }

    public int ProcessId => process.Id;

    /// <summary>The highest VmRSS seen by the sampler so far, in MiB.</summary>
    public double PeakSampledRssMib => Interlocked.Read(ref peakSampledRssKib) / 1024.0;

    public long Samples => Interlocked.Read(ref samples);

    /// <summary>Starts the API and waits until /health/live answers (at most two minutes).</summary>
    /// <param name="logPath">Where the API's console output goes (it must be drained, and is kept for a failed start).</param>
    public static async Task<ApiProcess> StartAsync(
        string repositoryRoot, string connectionString, string schema, string signingKey, string logPath, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(repositoryRoot, "src", "Api", "bin", "Release", "net10.0");
        var assembly = Path.Combine(folder, "LearningOrg.Api.dll");
        if (!File.Exists(assembly))
        {
            throw new InvalidOperationException($"{assembly} is missing: build the bench in Release (it builds the API).");
        }
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var settings = new Dictionary<string, string>
        {
            [$"ConnectionStrings__{LearningOrgHosting.ConnectionStringName}"] = connectionString,
            ["LearningOrg__Schema"] = schema,
            ["Auth__SigningKey"] = signingKey,
            ["Auth__LocalIssuer__Enabled"] = "false",
            ["Orleans__Dashboard__Enabled"] = "false",
            ["Orleans__SiloPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__GatewayPort"] = FreePort().ToString(CultureInfo.InvariantCulture),
            ["Orleans__ClusterId"] = $"bench-{schema}",
            ["Demo__Seed"] = "false",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}",
        };
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }
        // An exporter configured for the bench process itself must not make the API export (and pay for it).
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(logPath))!);
        var log = new ConsoleLog(logPath);
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        process.OutputDataReceived += (_, e) => log.Write(e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var api = new ApiProcess(process, log, new Uri($"http://127.0.0.1:{port}"));
        try
        {
            await api.WaitUntilLiveAsync(logPath, cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    /// <summary>VmHWM (the peak resident set the kernel recorded for the process) and VmRSS now, in MiB.</summary>
    public (double PeakMib, double CurrentMib) Memory() =>
        (ReadStatusKib(process.Id, "VmHWM:") / 1024.0, ReadStatusKib(process.Id, "VmRSS:") / 1024.0);

    /// <summary>CPU time the process has used so far (user and system), from /proc/{pid}/stat.</summary>
    public TimeSpan CpuTime()
    {
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime and stime are the 12th and 13th.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    public async ValueTask DisposeAsync()
    {
        await sampling.CancelAsync();
        await sampler;
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }
        await process.WaitForExitAsync();
        process.Dispose();
        sampling.Dispose();
        log.Dispose();
    }

    private async Task WaitUntilLiveAsync(string logPath, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The API stopped with exit code {process.ExitCode}; see {logPath}.");
            }
            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Starting slowly.
            }
            await Task.Delay(250, cancellationToken);
        }
        throw new TimeoutException($"The API did not answer /health/live within two minutes; see {logPath}.");
    }

    private async Task SampleAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            do
            {
                if (process.HasExited)
                {
                    return;
                }
                var rss = ReadStatusKib(process.Id, "VmRSS:");
                Interlocked.Increment(ref samples);
                if (rss > Interlocked.Read(ref peakSampledRssKib))
                {
                    Interlocked.Exchange(ref peakSampledRssKib, rss);
                }
            }
            while (await timer.WaitForNextTickAsync(cancellationToken));
        }
        catch (OperationCanceledException)
        {
            // Stopped with the process.
        }
    }

    /// <summary>A "Name:   123 kB" line of /proc/{pid}/status, in KiB; 0 when the process is gone.</summary>
    private static long ReadStatusKib(int pid, string name)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith(name, StringComparison.Ordinal))
                {
                    return long.Parse(line[name.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // The process has just exited.
        }
        return 0;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>The API's console output in a file: drained so the process never blocks on a full pipe.</summary>
internal sealed class ConsoleLog(string path) : IDisposable
{
    private readonly StreamWriter writer = new(path) { AutoFlush = true };
    private bool closed;

    public void Write(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (writer)
        {
            if (!closed)
            {
                writer.WriteLine(line);
            }
        }
    }

    public void Dispose()
    {
        lock (writer)
        {
            closed = true;
            writer.Dispose();
        }
    }
}
