using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace LearningOrg.Grains.EventSourcing;

/// <summary>
/// How a proposed event is written to be hashed for idempotency. As System.Text.Json's defaults, except that a list
/// the caller left out (a default <see cref="ImmutableArray{T}"/>) is written as null: the defaults throw on it, and
/// the rules, not the hash, are to tell the caller that the list is required.
/// </summary>
internal static class PayloadJson
{
    public static JsonSerializerOptions Options { get; } = new() { Converters = { new MissingListConverter() } };

    private sealed class MissingListConverter : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) =>
            typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
            (JsonConverter)Activator.CreateInstance(typeof(ListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
    }

    private sealed class ListConverter<T> : JsonConverter<ImmutableArray<T>>
    {
        public override ImmutableArray<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("Payloads are only written, to be hashed.");

        public override void Write(Utf8JsonWriter writer, ImmutableArray<T> value, JsonSerializerOptions options)
        {
            if (value.IsDefault)
            {
                writer.WriteNullValue();
                return;
            }
            writer.WriteStartArray();
            foreach (var item in value)
            {
                JsonSerializer.Serialize(writer, item, options);
            }
            writer.WriteEndArray();
        }
    }
}
