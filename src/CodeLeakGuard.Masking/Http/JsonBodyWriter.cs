using System;
using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Writes a masked request body. Long strings (the prompts: code, full of quotes, backslashes and line breaks) are
/// escaped here in one pass that copies ASCII through and escapes only what JSON requires: the quotation mark, the
/// reverse solidus and control characters (an unpaired surrogate becomes U+FFFD, as Utf8JsonWriter writes it).
/// Utf8JsonWriter, which writes everything else, escapes character by character after the first character it must
/// escape, and also escapes HTML-sensitive and non-ASCII characters: writing a 100 KB prompt took it about seven
/// times as long as transcoding the text. The strings read back the same either way.
/// </summary>
internal static class JsonBodyWriter
{
    /// <summary>Shorter strings (names, models, ids) are written by <see cref="Utf8JsonWriter"/> as before.</summary>
    private const int LongString = 256;

    private static readonly byte[] Hex = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F' };

    public static void Write(Utf8JsonWriter writer, JsonNode? node)
    {
        switch (node)
        {
            case null:
                writer.WriteNullValue();
                break;
            case JsonObject obj:
                writer.WriteStartObject();
                foreach (var property in obj)
                {
                    writer.WritePropertyName(property.Key);
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var text) && text.Length >= LongString:
                WriteString(writer, text);
                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Writes <paramref name="text"/> as a JSON string value (quotes included) through <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>.</summary>
    public static void WriteString(Utf8JsonWriter writer, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(checked(text.Length * 6 + 2)); // \u001F is the longest form of one char
        try
        {
            var length = Escape(text, buffer);
            writer.WriteRawValue(new ReadOnlySpan<byte>(buffer, 0, length), skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Writes <paramref name="text"/> quoted and escaped, as UTF-8, into <paramref name="output"/>; returns the length.</summary>
    public static int Escape(string text, byte[] output)
    {
        var at = 0;
        output[at++] = (byte)'"';
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < 0x80)
            {
                if (c >= 0x20 && c != '"' && c != '\\')
                {
                    output[at++] = (byte)c;
                }
                else
                {
                    at = WriteEscaped(c, output, at);
                }
            }
            else if (c < 0x800)
            {
                output[at++] = (byte)(0xC0 | (c >> 6));
                output[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                var codePoint = char.ConvertToUtf32(c, text[++i]);
                output[at++] = (byte)(0xF0 | (codePoint >> 18));
                output[at++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                output[at++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                output[at++] = (byte)(0x80 | (codePoint & 0x3F));
            }
            else if (char.IsSurrogate(c))
            {
                // Unpaired: no UTF-8 for it, and \uD800 alone is refused by readers; written as U+FFFD, as Utf8JsonWriter does.
                output[at++] = 0xEF;
                output[at++] = 0xBF;
                output[at++] = 0xBD;
            }
            else
            {
                output[at++] = (byte)(0xE0 | (c >> 12));
                output[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                output[at++] = (byte)(0x80 | (c & 0x3F));
            }
        }

        output[at++] = (byte)'"';
        return at;
    }

    private static int WriteEscaped(char c, byte[] output, int at)
    {
        var shortForm = c switch
        {
            '"' => '"',
            '\\' => '\\',
            '\n' => 'n',
            '\r' => 'r',
            '\t' => 't',
            '\b' => 'b',
            '\f' => 'f',
            _ => '\0',
        };
        if (shortForm == '\0')
        {
            return WriteUnicodeEscape(c, output, at);
        }

        output[at++] = (byte)'\\';
        output[at++] = (byte)shortForm;
        return at;
    }

    private static int WriteUnicodeEscape(char c, byte[] output, int at)
    {
        output[at++] = (byte)'\\';
        output[at++] = (byte)'u';
        output[at++] = Hex[(c >> 12) & 0xF];
        output[at++] = Hex[(c >> 8) & 0xF];
        output[at++] = Hex[(c >> 4) & 0xF];
        output[at++] = Hex[c & 0xF];
        return at;
    }
}
