using System.Text;

namespace LearningOrg.Tests.Hostile;

/// <summary>A hostile value for one field, as raw JSON text (so that tokens no serializer writes can be sent).</summary>
public sealed record HostileValue(string Label, string Json);

/// <summary>
/// The hostile requests, as data: whole bodies that are not a command, values for each kind of field, path ids,
/// headers and query strings. Every one must be refused with a 4xx problem details answer and write nothing.
/// </summary>
public static class HostileCorpus
{
    /// <summary>More than any text limit (the longest, evidence and descriptions, is 4,000 characters).</summary>
    public const int OverLong = 4001;

    /// <summary>Bodies that are not one JSON object of the command, by name.</summary>
    public static readonly IReadOnlyDictionary<string, Func<string, string>> MalformedBodies = new Dictionary<string, Func<string, string>>
    {
        ["empty"] = _ => string.Empty,
        ["whitespace"] = _ => " \r\n\t ",
        ["null literal"] = _ => "null",
        ["array"] = valid => $"[{valid}]",
        ["string"] = _ => "\"{}\"",
        ["number"] = _ => "42",
        ["truncated"] = valid => valid[..(valid.Length / 2)],
        ["unclosed string"] = _ => "{\"name\":\"abc",
        ["trailing garbage"] = valid => valid + " garbage",
        ["trailing comma"] = valid => valid[..^1] + ",}",
        ["two objects"] = valid => valid + valid,
        ["single quotes"] = valid => valid.Replace('"', '\''),
        ["comment"] = valid => "/* hostile */" + valid,
        ["unquoted keys"] = valid => valid.Replace("\"", string.Empty, StringComparison.Ordinal),
        ["unknown property"] = valid => "{\"hostile\":1," + valid[1..],
        ["prototype pollution"] = valid => "{\"__proto__\":{\"admin\":true}," + valid[1..],
        ["type discriminator"] = valid => "{\"$type\":\"System.IO.FileInfo\"," + valid[1..],
        ["reference metadata"] = valid => "{\"$id\":\"1\"," + valid[1..],
        ["duplicate key"] = valid => "{" + FirstProperty(valid) + "," + valid[1..],
        ["duplicate key in another case"] = valid => "{\"" + char.ToUpperInvariant(FirstProperty(valid)[1]) + FirstProperty(valid)[2..] + "," + valid[1..],
        ["deep nesting"] = valid => "{\"hostile\":" + new string('[', 5000) + new string(']', 5000) + "," + valid[1..],
        ["nesting past the depth limit"] = valid => "{\"hostile\":" + new string('[', 20) + new string(']', 20) + "," + valid[1..],
        ["bare NaN"] = valid => "{\"hostile\":NaN," + valid[1..],
        ["bare Infinity"] = valid => "{\"hostile\":-Infinity," + valid[1..],
        ["NUL byte outside strings"] = valid => "\0" + valid,
    };

    /// <summary>Bytes that are not UTF-8.</summary>
    public static byte[] InvalidUtf8(string valid)
    {
        var bytes = Encoding.UTF8.GetBytes(valid).ToList();
        var quote = bytes.IndexOf((byte)'"', bytes.IndexOf((byte)':') + 1);
        bytes.InsertRange(quote + 1, [0xC3, 0x28, 0xFF, 0xFE]);
        return [.. bytes];
    }

    /// <summary>Values of the wrong JSON type for a field of the given kind.</summary>
    public static IEnumerable<HostileValue> WrongTypes(FieldKind kind)
    {
        HostileValue[] all =
        [
            new("number", "12"), new("string", "\"12\""), new("boolean", "true"), new("object", "{}"),
            new("array", "[]"), new("array of numbers", "[1,2]"), new("numeric string", "\"1.5\""),
        ];
        return kind switch
        {
            FieldKind.Text or FieldKind.Id => all.Where(v => v.Label is not ("string" or "numeric string")),
            FieldKind.Ids or FieldKind.Texts => all.Where(v => v.Label is not "array"),
            FieldKind.Integer or FieldKind.Number => all.Where(v => v.Label is not "number"),
            FieldKind.Boolean => all.Where(v => v.Label is not "boolean").Append(new("string true", "\"true\"")).Append(new("one", "1")),
            FieldKind.Enum => all.Where(v => v.Label is not ("string" or "numeric string")),
            _ => all,
        };
    }

    /// <summary>Strings no text field accepts: too long, control characters, broken UTF-16.</summary>
    public static readonly HostileValue[] BadTexts =
    [
        new("over-long", Quote(new string('x', OverLong))),
        new("over-long in two-byte characters", Quote(new string('é', OverLong))),
        new("100,000 characters", Quote(new string('x', 100_000))),
        new("NUL", "\"a\\u0000b\""),
        new("escape", "\"\\u001b[31mred\""),
        new("bell", "\"\\u0007\""),
        new("DEL", "\"a\\u007fb\""),
        new("C1 control", "\"a\\u0085b\""),
        new("lone high surrogate", "\"a\\ud800b\""),
        new("lone low surrogate", "\"\\udc00\""),
        new("reversed surrogate pair", "\"\\udc00\\ud800\""),
    ];

    /// <summary>Strings that are not an identifier: lower-case slugs of at most 64 characters, or lower-case GUIDs.</summary>
    public static readonly HostileValue[] BadIds =
    [
        new("empty", "\"\""),
        new("upper case", "\"Maple-Grove\""),
        new("underscore", "\"maple_grove\""),
        new("leading hyphen", "\"-maple\""),
        new("trailing hyphen", "\"maple-\""),
        new("space", "\"maple grove\""),
        new("trailing newline", "\"maple\\n\""),
        new("path traversal", "\"../../etc/passwd\""),
        new("encoded traversal", "\"..%2f..%2fetc\""),
        new("Cyrillic look-alike", "\"\u0455chool\""),
        new("fullwidth digits", "\"school-\uff11\""),
        new("dotless i", "\"\u0131d\""),
        new("zero-width space", "\"ma\u200bple\""),
        new("right-to-left override", "\"\u202emaple\""),
        new("combining mark", "\"e\u0301cole\""),
        new("65 characters", Quote(new string('a', 65))),
        new("upper-case GUID", "\"0F8FAD5B-D9CB-469F-A165-70867728950E\""),
        new("GUID in braces", "\"{0f8fad5b-d9cb-469f-a165-70867728950e}\""),
        new("GUID with a trailing space", "\"0f8fad5b-d9cb-469f-a165-70867728950e \""),
        new("GUID with a leading newline", "\"\\n0f8fad5b-d9cb-469f-a165-70867728950e\""),
        new("GUID with a no-break space", "\"0f8fad5b-d9cb-469f-a165-70867728950e\u00a0\""),
        new("SQL injection", "\"x' or '1'='1\""),
    ];

    /// <summary>Enum values that are not one of the contract's names.</summary>
    public static readonly HostileValue[] BadEnums =
    [
        new("unknown name", "\"NotAValue\""),
        new("empty", "\"\""),
        new("number", "1"),
        new("numeric string", "\"1\""),
        new("negative numeric string", "\"-1\""),
        new("two names", "\"{0}, {1}\""),
        new("padded", "\" {0} \""),
        new("lower case", "\"{0:lower}\""),
    ];

    /// <summary>Whole numbers out of range or of the wrong shape.</summary>
    public static readonly HostileValue[] BadIntegers =
    [
        new("above Int32", "2147483648"),
        new("below Int32", "-2147483649"),
        new("fraction", "1.5"),
        new("exponent overflow", "1e400"),
        new("huge", new string('9', 5000)),
        new("negative", "-1"),
        new("hex", "0x10"),
        new("leading zeros", "007"),
        new("plus sign", "+1"),
        new("NaN string", "\"NaN\""),
    ];

    /// <summary>Decimals out of range or of the wrong shape.</summary>
    public static readonly HostileValue[] BadNumbers =
    [
        new("beyond decimal", "79228162514264337593543950336"),
        new("exponent overflow", "1e400"),
        new("huge", new string('9', 5000)),
        new("NaN string", "\"NaN\""),
        new("Infinity string", "\"Infinity\""),
        new("bare NaN", "NaN"),
        new("bare Infinity", "Infinity"),
        new("hex", "0x10"),
        new("trailing dot", "1."),
        new("leading dot", ".5"),
    ];

    /// <summary>Lists no list field accepts: too many items, null or over-long items, items of the wrong type.</summary>
    public static IEnumerable<HostileValue> BadLists(FieldKind kind)
    {
        var item = kind == FieldKind.Ids ? "\"" + HostileApi.Seeded.Teacher + "\"" : "\"item\"";
        yield return new("1,001 items", "[" + string.Join(",", Enumerable.Range(0, 1001).Select(i => kind == FieldKind.Ids ? $"\"t-{i}\"" : $"\"item {i}\"")) + "]");
        yield return new("null item", $"[{item},null]");
        yield return new("number item", $"[{item},7]");
        yield return new("nested list", $"[[{item}]]");
        yield return new("object item", "[{}]");
        yield return new("over-long item", "[" + Quote(new string('x', OverLong)) + "]");
        yield return new("NUL item", "[\"a\\u0000\"]");
        yield return new("lone surrogate item", "[\"\\ud800\"]");
        if (kind == FieldKind.Ids)
        {
            yield return new("duplicate id", $"[{item},{item}]");
            yield return new("upper-case id", "[\"Ada\"]");
            yield return new("traversal id", "[\"../etc\"]");
        }
    }

    /// <summary>occurredAt values out of range or not ISO 8601.</summary>
    public static readonly HostileValue[] BadDates =
    [
        new("year 0001, a second after the zero instant", "\"0001-01-01T00:00:01Z\""),
        new("year 0001 east of UTC", "\"0001-01-01T00:00:00+05:00\""),
        new("before 1900", "\"1899-12-31T23:59:59Z\""),
        new("year 9999", "\"9999-12-31T23:59:59Z\""),
        new("year 9999 west of UTC", "\"9999-12-31T23:59:59-14:00\""),
        new("far future", "\"3000-01-01T00:00:00Z\""),
        new("tomorrow", Quote(DateTimeOffset.UtcNow.AddDays(1).ToString("O", System.Globalization.CultureInfo.InvariantCulture))),
        new("30 February", "\"2024-02-30T00:00:00Z\""),
        new("hour 24", "\"2024-01-01T24:00:00Z\""),
        new("offset +25:00", "\"2024-01-01T00:00:00+25:00\""),
        new("compact", "\"20240101T000000Z\""),
        new("no offset", "\"2021-01-04T09:00:00\""),
        new("no offset, no seconds", "\"2021-01-04T09:00\""),
        new("bare date", "\"2021-01-04\""),
        new("US format", "\"01/02/2024\""),
        new("words", "\"yesterday\""),
        new("RFC 1123", "\"Mon, 01 Jan 2024 00:00:00 GMT\""),
        new("Unix seconds", "1700000000"),
        new("Unix seconds as string", "\"1700000000\""),
        new("empty", "\"\""),
        new("null", "null"),
        new("object", "{\"year\":2024}"),
    ];

    /// <summary>Path segments that are not an aggregate id, URL-encoded as a client would send them.</summary>
    public static readonly (string Label, string Segment)[] BadPathIds =
    [
        ("upper case", "Maple-Grove"),
        ("underscore", "maple_grove"),
        ("encoded traversal", "..%2F..%2Fetc%2Fpasswd"),
        ("backslash traversal", "..%5C..%5Cwindows"),
        ("space", "maple%20grove"),
        ("trailing newline", "maple%0A"),
        ("Cyrillic look-alike", Uri.EscapeDataString("\u0455chool")),
        ("fullwidth", Uri.EscapeDataString("\uff53chool")),
        ("zero-width joiner", Uri.EscapeDataString("ma\u200dple")),
        ("right-to-left override", Uri.EscapeDataString("\u202emaple")),
        ("combining mark", Uri.EscapeDataString("e\u0301cole")),
        ("lone surrogate, percent-encoded", "%ED%A0%80"),
        ("invalid UTF-8", "%C3%28"),
        ("65 characters", new string('a', 65)),
        ("2,000 characters", new string('a', 2000)),
        ("upper-case GUID", "0F8FAD5B-D9CB-469F-A165-70867728950E"),
        ("GUID with a trailing space", "0f8fad5b-d9cb-469f-a165-70867728950e%20"),
        ("GUID with a no-break space", "0f8fad5b-d9cb-469f-a165-70867728950e%C2%A0"),
        ("GUID in braces", "%7B0f8fad5b-d9cb-469f-a165-70867728950e%7D"),
        ("SQL injection", Uri.EscapeDataString("x' or '1'='1")),
        ("script", Uri.EscapeDataString("<script>alert(1)</script>")),
    ];

    /// <summary>The first property of a flat JSON object, such as <c>"name":"x"</c>.</summary>
    private static string FirstProperty(string json)
    {
        var comma = json.IndexOf(",\"", StringComparison.Ordinal);
        return json[1..(comma < 0 ? json.Length - 1 : comma)];
    }

    /// <summary>A JSON string; characters outside ASCII stay as they are, so a long one counts its real bytes.</summary>
    public static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text, Relaxed);

    private static readonly System.Text.Json.JsonSerializerOptions Relaxed =
        new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
