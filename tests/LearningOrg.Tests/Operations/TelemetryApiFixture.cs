using System.Collections.Concurrent;
using System.Diagnostics;
using LearningOrg.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace LearningOrg.Tests.Operations;

/// <summary>
/// The real API with in-memory exporters beside its own telemetry pipeline: the spans, metrics and log records it
/// produces can be read back exactly as an OTLP collector would receive them.
/// </summary>
public class TelemetryApiFixture : ApiFixture
{
    public ConcurrentQueue<Activity> Spans { get; } = new();

    private readonly List<MetricSnapshot> metrics = [];

    public ConcurrentQueue<LoggedRecord> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // The grains log each append at Debug; the log test needs one record written inside the request.
        builder.UseSetting("Logging:LogLevel:LearningOrg", "Debug");
        builder.ConfigureServices(services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(new QueueCollection<Activity>(Spans)));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
            services.ConfigureOpenTelemetryLoggerProvider(logging => logging.AddProcessor(new SimpleLogRecordExportProcessor(new LogCopier(Logs))));
        });
    }

    /// <summary>
    /// Collects the metrics now (the periodic reader would otherwise export every minute) and returns the points of
    /// <paramref name="name"/> as exported, or none when it was not.
    /// </summary>
    public IReadOnlyList<MetricPoint> CollectMetric(string name)
    {
        lock (metrics)
        {
            metrics.Clear();
            Services.GetRequiredService<MeterProvider>().ForceFlush();
            return metrics.LastOrDefault(metric => metric.Name == name)?.MetricPoints ?? [];
        }
    }

    /// <summary>Waits, at most <paramref name="timeout"/>, until the spans satisfy <paramref name="done"/>; returns them.</summary>
    public async Task<IReadOnlyList<Activity>> SpansWhen(Func<IReadOnlyList<Activity>, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var spans = Spans.ToArray();
            if (done(spans) || DateTime.UtcNow > deadline)
            {
                return spans;
            }
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Copies what the tests read out of each log record: the SDK pools and reuses LogRecord objects after export.
    /// </summary>
    private sealed class LogCopier(ConcurrentQueue<LoggedRecord> logs) : BaseExporter<LogRecord>
    {
        public override ExportResult Export(in Batch<LogRecord> batch)
        {
            foreach (var record in batch)
            {
                logs.Enqueue(new LoggedRecord(record.CategoryName, record.FormattedMessage, record.TraceId, record.SpanId));
            }
            return ExportResult.Success;
        }
    }

    /// <summary>
    /// The in-memory exporter adds to an ICollection from the exporting thread while tests read; a queue makes that safe.
    /// </summary>
    private sealed class QueueCollection<T>(ConcurrentQueue<T> queue) : ICollection<T>
    {
        public int Count => queue.Count;

        public bool IsReadOnly => false;

        public void Add(T item) => queue.Enqueue(item);

        public void Clear() => queue.Clear();

        public bool Contains(T item) => queue.Contains(item);

        public void CopyTo(T[] array, int arrayIndex) => queue.CopyTo(array, arrayIndex);

        public bool Remove(T item) => throw new NotSupportedException();

        public IEnumerator<T> GetEnumerator() => queue.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>A log record as an exporter received it.</summary>
public sealed record LoggedRecord(string? CategoryName, string? FormattedMessage, ActivityTraceId TraceId, ActivitySpanId SpanId);
