using System.Text.Json;
using System.Text.Json.Serialization;

namespace Safeguard.ServiceDefaults;

/// <summary>
/// Every string read from a request body must be plain text: the NUL character, which PostgreSQL cannot
/// store, and the other C0 control characters except tab and line breaks are refused as a 400 naming the
/// field (the JSON path), instead of failing deep in the database.
/// </summary>
public sealed class PlainTextStringConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var value = reader.GetString();
        foreach (var c in value ?? "")
        {
            if (c < '\u0020' && c is not ('\t' or '\r' or '\n'))
            {
                throw new JsonException("Text may not contain control characters.");
            }
        }
        return value;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
