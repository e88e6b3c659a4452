using System.Text.Json;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace LearningOrg.Api.Http;

/// <summary>
/// The required fields a body left out. System.Text.Json names them in its message, but stops listing after a few;
/// the command's body is buffered (see <see cref="DeclaredContentTypes"/>), so every absent one can be named.
/// </summary>
public static class MissingFields
{
    // The exception handler clears the endpoint before it runs, so the body's type is kept beside the request.
    private static readonly object BodyType = new();

    /// <summary>Keeps a JSON body of <paramref name="type"/> (small: <see cref="ApiLimits.MaxBodyBytes"/>) so it can be read again.</summary>
    public static void KeepBody(HttpContext http, Type type)
    {
        http.Request.EnableBuffering();
        http.Items[BodyType] = type;
    }

    /// <summary>
    /// Every required field of the route's body type the top-level object lacks, read again from the buffered body;
    /// null when the body cannot be read again or is no object.
    /// </summary>
    public static async Task<IReadOnlyList<string>?> AbsentAsync(HttpContext http)
    {
        var body = http.Request.Body;
        if (http.Items[BodyType] is not Type type || !body.CanSeek)
        {
            return null;
        }
        var options = http.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        body.Position = 0;
        try
        {
            using var document = await JsonDocument.ParseAsync(body, cancellationToken: http.RequestAborted);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }
            var present = document.RootElement.EnumerateObject().Select(p => p.Name)
                .ToHashSet(options.PropertyNameCaseInsensitive ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
            var absent = options.GetTypeInfo(type).Properties
                .Where(p => p.IsRequired || p.AssociatedParameter is { HasDefaultValue: false })
                .Select(p => p.Name)
                .Where(name => !present.Contains(name))
                .ToList();
            return absent.Count > 0 ? absent : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
