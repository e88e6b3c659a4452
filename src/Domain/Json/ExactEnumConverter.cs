using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningOrg.Domain.Json;

/// <summary>
/// Enums as their names, read back only when spelled exactly so: JsonStringEnumConverter also takes other cases,
/// padding and comma-joined names ("Shared, TeacherLed" reads as a third value), which would record a value the
/// caller never wrote.
/// </summary>
public sealed class ExactEnumConverter : JsonConverterFactory
{
    private readonly JsonStringEnumConverter names = new(namingPolicy: null, allowIntegerValues: false);

    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Exact<>).MakeGenericType(typeToConvert), names.CreateConverter(typeToConvert, options))!;

    private sealed class Exact<TEnum>(JsonConverter writer) : JsonConverter<TEnum>
        where TEnum : struct, Enum
    {
        private static readonly FrozenDictionary<string, TEnum> ByName =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v.ToString(), StringComparer.Ordinal);

        private static readonly string Allowed = string.Join(", ", Enum.GetNames<TEnum>());

        private readonly JsonConverter<TEnum> names = (JsonConverter<TEnum>)writer;

        public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String ? Parse(reader.GetString()) : throw Refused();

        public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) => names.Write(writer, value, options);

        public override TEnum ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            Parse(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
            names.WriteAsPropertyName(writer, value, options);

        private static TEnum Parse(string? name) =>
            name is not null && ByName.TryGetValue(name, out var value) ? value : throw Refused();

        private static ContractJsonException Refused() => new($"must be one of {Allowed}, spelled exactly so.");
    }
}
