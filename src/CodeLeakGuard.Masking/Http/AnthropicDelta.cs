using System;
using System.Buffers;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// The event an Anthropic stream sends most, one piece of a content block
/// (<c>{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"..."}}</c>), read and written
/// again without a JSON document: a stream of a few hundred of them spent most of its unmasking parsing and writing
/// documents. Only that exact shape, its keys in that order, is read here; any other event goes the general way.
/// </summary>
internal readonly struct AnthropicDelta
{
    /// <summary>The delta types that carry text, each with the key of its text (a compaction's summary comes like text).</summary>
    public static readonly (string Type, string Field)[] TextKinds =
    {
        ("text_delta", "text"), ("input_json_delta", "partial_json"), ("thinking_delta", "thinking"), ("compaction_delta", "content"),
    };

    private static readonly byte[][] FieldsUtf8 = TextKinds.Select(kind => Encoding.UTF8.GetBytes(kind.Field)).ToArray();

    public AnthropicDelta(string index, string deltaType, string field, string value)
    {
        Index = index;
        DeltaType = deltaType;
        Field = field;
        Value = value;
    }

    /// <summary>The block's index as written (a JSON number).</summary>
    public string Index { get; }

    public string DeltaType { get; }

    /// <summary>The key of the delta's text (<c>text</c>, <c>partial_json</c>, ...).</summary>
    public string Field { get; }

    public string Value { get; }

    /// <summary>The key holding the text of a delta of this type; null for a delta without one (a signature, a citation).</summary>
    public static string? FieldOf(string? deltaType) => KindOf(deltaType) is var kind and >= 0 ? TextKinds[kind].Field : null;

    public static bool TryRead(string data, out AnthropicDelta delta)
    {
        delta = default;
        if (!data.StartsWith("{\"type\":\"content_block_delta\",", StringComparison.Ordinal))
        {
            return false;
        }

        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(data.Length));
        try
        {
            var reader = new Utf8JsonReader(new ReadOnlySpan<byte>(bytes, 0, Encoding.UTF8.GetBytes(data, 0, data.Length, bytes, 0)));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !Property(ref reader, "type"u8, JsonTokenType.String) || !reader.ValueTextEquals("content_block_delta"u8)
                || !Property(ref reader, "index"u8, JsonTokenType.Number))
            {
                return false;
            }

            var index = Encoding.UTF8.GetString(bytes, (int)reader.TokenStartIndex, reader.ValueSpan.Length); // a number: as written
            if (!Property(ref reader, "delta"u8, JsonTokenType.StartObject) || !Property(ref reader, "type"u8, JsonTokenType.String))
            {
                return false;
            }

            var kind = KindOf(reader.GetString());
            if (kind < 0 || !Property(ref reader, FieldsUtf8[kind], JsonTokenType.String))
            {
                return false;
            }

            var value = reader.GetString()!;
            if (!End(ref reader) || !End(ref reader) || reader.Read())
            {
                return false;
            }

            delta = new AnthropicDelta(index, TextKinds[kind].Type, TextKinds[kind].Field, value);
            return true;
        }
        catch (JsonException)
        {
            return false; // not JSON after all: the general way reports it
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes); // the provider's masked text: nothing to clear
        }
    }

    /// <summary>The same delta with <paramref name="value"/> as its text.</summary>
    public AnthropicDelta With(string value) => new(Index, DeltaType, Field, value);

    /// <summary>The event's data, written as a JSON document would write it.</summary>
    public string ToJson()
    {
        using var buffer = new PooledBytes(Value.Length * 6 + 128, clearOnReturn: false);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("type"u8, "content_block_delta"u8);
            writer.WritePropertyName("index"u8);
            writer.WriteRawValue(Index, skipInputValidation: true);
            writer.WriteStartObject("delta"u8);
            writer.WriteString("type"u8, DeltaType);
            writer.WriteString(Field, Value);
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return MemoryMarshal.TryGetArray(buffer.Written, out var written)
            ? Encoding.UTF8.GetString(written.Array!, written.Offset, written.Count)
            : throw new InvalidOperationException("the pooled buffer is not an array");
    }

    // The next token is the property `name`, and its value is of `kind`.
    private static bool Property(ref Utf8JsonReader reader, ReadOnlySpan<byte> name, JsonTokenType kind) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName && reader.ValueTextEquals(name)
        && reader.Read() && reader.TokenType == kind;

    // A loop, not a predicate: this runs for every event of a stream (a lambda would allocate its closure each time).
    private static int KindOf(string? deltaType)
    {
        for (var kind = 0; kind < TextKinds.Length; kind++)
        {
            if (TextKinds[kind].Type == deltaType)
            {
                return kind;
            }
        }

        return -1;
    }

    private static bool End(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.EndObject;
}
