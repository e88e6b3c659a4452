using System.Collections.Concurrent;
using System.Net;
using System.Text;
using LearningOrg.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace LearningOrg.Tests.Operations;

/// <summary>
/// The API configured only by the standard OTEL_* variables, exporting to a fake collector: an HTTP listener that
/// keeps what it receives.
/// </summary>
public sealed class OtlpApiFixture : ApiFixture
{
    public const string ServiceName = "learningorg-otlp-test";
    public const string HeaderName = "x-collector-key";
    public const string HeaderValue = "k-7f3a";

    private readonly HttpListener collector = new();
    private readonly int collectorPort = FreePort.Next();

    public ConcurrentQueue<(string Path, string? ContentType, string? Key, byte[] Body)> Received { get; } = new();

    public OtlpApiFixture()
    {
        collector.Prefixes.Add($"http://127.0.0.1:{collectorPort}/");
        collector.Start();
        _ = Task.Run(ReceiveAsync);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Set as settings here; in a deployment they are environment variables, which reach configuration unprefixed.
        builder.UseSetting("OTEL_EXPORTER_OTLP_ENDPOINT", $"http://127.0.0.1:{collectorPort}");
        builder.UseSetting("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
        builder.UseSetting("OTEL_EXPORTER_OTLP_HEADERS", $"{HeaderName}={HeaderValue}");
        builder.UseSetting("OTEL_SERVICE_NAME", ServiceName);
        builder.UseSetting("OTEL_RESOURCE_ATTRIBUTES", "deployment.environment.name=otlp-test,service.namespace=learningorg");
    }

    public void FlushTraces() => Services.GetRequiredService<TracerProvider>().ForceFlush();

    private async Task ReceiveAsync()
    {
        while (collector.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await collector.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            Received.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType, context.Request.Headers[HeaderName], body.ToArray()));
            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        collector.Close();
    }
}

public sealed class OtlpEnvironmentTests(OtlpApiFixture api) : IClassFixture<OtlpApiFixture>
{
    [Fact]
    public async Task Traces_go_to_the_OTLP_endpoint_with_the_protocol_headers_service_name_and_resource_attributes_of_the_OTEL_variables()
    {
        using var response = await api.Http.GetAsync(Path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(60);
        // Spans from start-up (schema migration) may arrive first: wait for the request's own.
        while (!api.Received.Any(r => r.Path == "/v1/traces" && Text(r.Body).Contains(Path, StringComparison.Ordinal)) && DateTime.UtcNow < deadline)
        {
            api.FlushTraces();
            await Task.Delay(100);
        }

        var traces = api.Received.Where(r => r.Path == "/v1/traces").ToList();
        Assert.NotEmpty(traces);
        Assert.All(traces, r => Assert.Equal("application/x-protobuf", r.ContentType));
        Assert.All(traces, r => Assert.Equal(OtlpApiFixture.HeaderValue, r.Key));
        // Protobuf keeps strings as UTF-8 bytes, so the resource's values can be found in the body.
        var body = Text([.. traces.SelectMany(r => r.Body)]);
        Assert.Contains(OtlpApiFixture.ServiceName, body, StringComparison.Ordinal);
        Assert.DoesNotContain("learningorg-api", body, StringComparison.Ordinal);
        Assert.Contains("otlp-test", body, StringComparison.Ordinal);
        Assert.Contains(Path, body, StringComparison.Ordinal);
    }

    private const string Path = "/api/event-types";

    private static string Text(byte[] protobuf) => Encoding.UTF8.GetString(protobuf);
}
