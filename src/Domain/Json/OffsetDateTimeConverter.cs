using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace LearningOrg.Domain.Json;

/// <summary>
/// Dates and times read only with an explicit offset ("Z" or ±hh:mm): without one, "2021-01-01T00:00:00" or a bare
/// date would be taken as UTC, a guess that moves the event by the caller's distance from Greenwich. Written as the
/// default ISO 8601 form, which always carries its offset.
/// </summary>
public sealed partial class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
{
    public const string ExpectedFormat = "a date-time with an offset, such as \"2021-01-01T09:00:00+01:00\" or \"2021-01-01T08:00:00Z\"";

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && WithOffset().IsMatch(reader.GetString()!) && reader.TryGetDateTimeOffset(out var value))
        {
            return value;
        }
        throw new ContractJsonException($"must be {ExpectedFormat}.");
    }

    /// <summary>A date-time with an explicit offset, as the body's dates are read; false for anything else.</summary>
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        value = default;
        return WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out value);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    [GeneratedRegex(@"^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:[0-9]{2})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithOffset();
}
