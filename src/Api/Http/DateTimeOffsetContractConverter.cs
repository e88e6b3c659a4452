using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace LearningOrg.Api.Http;

/// <summary>
/// Dates as ISO 8601 with an offset, as System.Text.Json reads them, except the zero date 0001-01-01T00:00:00Z: a
/// command's unset occurredAt is that value and means "now", so written out it would be recorded as now instead of
/// being refused as the out-of-range date it is.
/// </summary>
public sealed class DateTimeOffsetContractConverter : JsonConverter<DateTimeOffset>
{
    private static readonly JsonConverter<DateTimeOffset> Default = JsonMetadataServices.DateTimeOffsetConverter;

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = Default.Read(ref reader, typeToConvert, options);
        return value == default
            ? throw new ContractJsonException("is the zero date 0001-01-01T00:00:00Z, which is out of range; leave the field out to mean now.")
            : value;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) => Default.Write(writer, value, options);

    public override DateTimeOffset ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Default.ReadAsPropertyName(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        Default.WriteAsPropertyName(writer, value, options);
}
