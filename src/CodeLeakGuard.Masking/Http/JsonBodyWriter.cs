using System;
using System.Buffers;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CodeLeakGuard.Masking.Http;

/// <summary>
/// Writes a masked request body. Long strings (the prompts: code, full of quotes, backslashes and line breaks) are
/// escaped here: copied through in runs, escaping only what JSON requires: the quotation mark, the reverse solidus
/// and control characters (an unpaired surrogate becomes U+FFFD, as Utf8JsonWriter writes it).
/// Utf8JsonWriter, which writes everything else, escapes character by character after the first character it must
/// escape, and also escapes HTML-sensitive and non-ASCII characters: writing a 100 KB prompt took it about seven
/// times as long as transcoding the text. The strings read back the same either way.
/// </summary>
internal static class JsonBodyWriter
{
    /// <summary>Shorter strings (names, models, ids) are written by <see cref="Utf8JsonWriter"/> as before.</summary>
    internal const int LongString = 256;

    private static readonly byte[] Hex = { (byte)'0', (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F' };

    /// <param name="preEscaped">Long strings already escaped on another thread, written as they are.</param>
    public static void Write(Utf8JsonWriter writer, JsonNode? node, PreEscapedStrings? preEscaped = null)
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
                    Write(writer, property.Value, preEscaped);
                }

                writer.WriteEndObject();
                break;
            case JsonArray array:
                writer.WriteStartArray();
                foreach (var item in array)
                {
                    Write(writer, item, preEscaped);
                }

                writer.WriteEndArray();
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var text) && text.Length >= LongString:
                if (preEscaped is not null && preEscaped.TryGet(text, out var escaped))
                {
                    writer.WriteRawValue(escaped, skipInputValidation: true);
                }
                else
                {
                    WriteString(writer, text);
                }

                break;
            default:
                node.WriteTo(writer);
                break;
        }
    }

    /// <summary>Writes <paramref name="text"/> as a JSON string value (quotes included) through <see cref="Utf8JsonWriter.WriteRawValue(ReadOnlySpan{byte}, bool)"/>.</summary>
    public static void WriteString(Utf8JsonWriter writer, string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(MaxEscapedLength(text));
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

    /// <summary>The most bytes <see cref="Escape"/> can write for <paramref name="text"/>: \u001F is the longest form of one char.</summary>
    public static int MaxEscapedLength(string text) => checked(text.Length * 6 + 2);

    /// <summary>Writes <paramref name="text"/> quoted and escaped, as UTF-8, into <paramref name="output"/>; returns the length.</summary>
    /// <remarks>
    /// The text is transcoded whole (an unpaired surrogate becomes U+FFFD), then copied run by run between the bytes
    /// JSON requires escaped: the quotation mark, the reverse solidus and control characters. Everything else, non-ASCII
    /// included, is copied as it is.
    /// </remarks>
    public static int Escape(string text, byte[] output)
    {
        var utf8 = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var source = new ReadOnlySpan<byte>(utf8, 0, Encoding.UTF8.GetBytes(text, 0, text.Length, utf8, 0));
            var at = 0;
            output[at++] = (byte)'"';
            while (true)
            {
                var run = IndexOfByteToEscape(source);
                var copied = run < 0 ? source.Length : run;
                source.Slice(0, copied).CopyTo(new Span<byte>(output, at, output.Length - at));
                at += copied;
                if (run < 0)
                {
                    break;
                }

                at = WriteEscaped((char)source[run], output, at);
                source = source.Slice(run + 1);
            }

            output[at++] = (byte)'"';
            return at;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(utf8);
        }
    }

    // The first byte JSON requires escaped, or -1. Searched a vector at a time: a code listing has one every 20-40
    // bytes (line breaks, tabs, quotes), so what each stop costs matters as much as the search; a general encoder's
    // search (JavaScriptEncoder) also stopped at every non-ASCII character, such as the arrow of each numbered line.
    private static int IndexOfByteToEscape(ReadOnlySpan<byte> source)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            var width = Vector<byte>.Count;
            var control = new Vector<byte>(0x20);
            var quote = new Vector<byte>((byte)'"');
            var backslash = new Vector<byte>((byte)'\\');
            for (; i + width <= source.Length; i += width)
            {
                var chunk = MemoryMarshal.Read<Vector<byte>>(source.Slice(i));
                if ((Vector.LessThan(chunk, control) | Vector.Equals(chunk, quote) | Vector.Equals(chunk, backslash)) != Vector<byte>.Zero)
                {
                    break; // in this chunk: found below
                }
            }
        }

        for (; i < source.Length; i++)
        {
            if (source[i] is < 0x20 or (byte)'"' or (byte)'\\')
            {
                return i;
            }
        }

        return -1;
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
