using System.Text;

namespace LearningOrg.Tests.Live;

/// <summary>One server-sent event as a browser's EventSource would dispatch it (an id-only event has no data).</summary>
public sealed record ServerSentEvent(string? Id, string Event, string Data);

/// <summary>An open text/event-stream response, read event by event with a bounded wait for each.</summary>
public sealed class ServerSentEvents : IAsyncDisposable
{
    private readonly HttpResponseMessage response;
    private readonly StreamReader reader;

    private ServerSentEvents(HttpResponseMessage response, StreamReader reader)
    {
        this.response = response;
        this.reader = reader;
    }

    public HttpResponseMessage Response => response;

    /// <summary>Opens the stream; the caller checks <see cref="Response"/> when it expects a refusal.</summary>
    public static async Task<ServerSentEvents> OpenAsync(HttpClient http, string path, string? lastEventId = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        var body = await response.Content.ReadAsStreamAsync();
        return new ServerSentEvents(response, new StreamReader(body, Encoding.UTF8));
    }

    /// <summary>The next event that <paramref name="wanted"/> accepts; heartbeats and other events are passed over.</summary>
    public async Task<ServerSentEvent> NextAsync(Func<ServerSentEvent, bool>? wanted = null, int timeoutSeconds = 30)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        string? id = null;
        string? type = null;
        var data = new StringBuilder();
        var hasField = false;
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No wanted server-sent event came within {timeoutSeconds} seconds.");
            }
            if (line is null)
            {
                throw new EndOfStreamException("The server ended the event stream.");
            }
            if (line.Length == 0)
            {
                if (hasField)
                {
                    var e = new ServerSentEvent(id, type ?? "message", data.ToString());
                    if (wanted is null || wanted(e))
                    {
                        return e;
                    }
                }
                (id, type, hasField) = (null, null, false);
                data.Clear();
                continue;
            }
            if (line.StartsWith(':'))
            {
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..].TrimStart(' ');
            hasField = true;
            switch (field)
            {
                case "id":
                    id = value;
                    break;
                case "event":
                    type = value;
                    break;
                case "data":
                    data.Append(data.Length > 0 ? "\n" : "").Append(value);
                    break;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        reader.Dispose();
        response.Dispose();
        return ValueTask.CompletedTask;
    }
}
