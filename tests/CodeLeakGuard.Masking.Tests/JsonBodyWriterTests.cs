using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The masked body's long strings are escaped by a fast path of our own: they must read back exactly.</summary>
public class JsonBodyWriterTests
{
    public static TheoryData<string, string> Strings()
    {
        var data = new TheoryData<string, string>
        {
            { "code", "class C {\n\tstring s = \"a\\\\b\";\r\n\t// <summary> & 'x' + `y`\n}\n" },
            { "every ASCII character", new string(Enumerable.Range(0, 128).Select(i => (char)i).ToArray()) },
            { "two- and three-byte characters", "é ß Ж € 中文 \u0080 \u07FF \u0800 \uFFFD \uFFFF \u2028 \u2029 \u00A0" },
            { "surrogate pairs", "😀 𝒜 \U0001F600\U0010FFFF" },
            { "escape-like text", "\\u0041 \\n \\\" \\\\ \\/ /" },
        };
        var longer = new TheoryData<string, string>();
        foreach (var row in data)
        {
            longer.Add((string)row[0], string.Concat(Enumerable.Repeat((string)row[1], 8))); // past the fast path's threshold
        }

        return longer;
    }

    [Theory]
    [MemberData(nameof(Strings))]
    public void A_long_string_reads_back_exactly(string name, string text)
    {
        var read = RoundTrip(text);

        Assert.True(string.Equals(text, read, StringComparison.Ordinal), $"{name} came back different");
    }

    [Fact]
    public void Random_strings_read_back_exactly()
    {
        var random = new Random(20261123);
        var alphabet = "\"\\\n\r\t\b\f\u0000\u001f\u007f<>&'+`aZ09 é€中\u2028".ToCharArray();
        for (var n = 0; n < 500; n++)
        {
            var chars = new StringBuilder();
            var length = random.Next(256, 1200);
            while (chars.Length < length)
            {
                switch (random.Next(10))
                {
                    case 0:
                        chars.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000)));
                        break;
                    case 1:
                        chars.Append((char)random.Next(0, 0xD800));
                        break;
                    default:
                        chars.Append(alphabet[random.Next(alphabet.Length)]);
                        break;
                }
            }

            var text = chars.ToString();
            Assert.Equal(text, RoundTrip(text));
        }
    }

    [Fact]
    public void An_unpaired_surrogate_is_written_as_the_replacement_character_as_Utf8JsonWriter_writes_it()
    {
        var text = new string('x', 300) + "\uD800 \uDC00";

        Assert.Equal(new string('x', 300) + "\uFFFD \uFFFD", RoundTrip(text));
        Assert.Equal(RoundTrip(text), ReadString(WriteWith(w => w.WriteStringValue(text))));
    }

    [Fact]
    public void A_whole_body_reads_back_as_the_same_document()
    {
        var code = string.Concat(Enumerable.Repeat("if (a < b && c) { x = \"y\"; }\n", 40));
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":1024,"stream":false,"temperature":0.5,"stop":null,
             "system":"SYSTEM","messages":[{"role":"user","content":[{"type":"text","text":"CODE","cache_control":{"type":"ephemeral"}}]}],
             "tools":[{"name":"run","description":"short","input_schema":{"type":"object","properties":{"n":{"type":"integer","minimum":-1.5e3}}}}]}
            """)!;
        body["system"] = new string('s', 300) + "\n\"quoted\"";
        body["messages"]![0]!["content"]![0]!["text"] = code;

        var written = WriteWith(w => JsonBodyWriter.Write(w, body));

        Assert.True(JsonNode.DeepEquals(body, JsonNode.Parse(written)), Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Only_what_JSON_requires_is_escaped_and_everything_else_is_copied_as_it_is()
    {
        var line = "    12\u2192if (a < b && c) { x = \"y\\z\"; } // é 中 😀 'q' `r`\r\n";
        var text = string.Concat(Enumerable.Repeat(line, 10));
        var escapedLine = "    12\u2192if (a < b && c) { x = \\\"y\\\\z\\\"; } // é 中 😀 'q' `r`\\r\\n";

        var written = WriteWith(w => JsonBodyWriter.Write(w, JsonValue.Create(text)));

        Assert.Equal("\"" + string.Concat(Enumerable.Repeat(escapedLine, 10)) + "\"", Encoding.UTF8.GetString(written));
    }

    private static string RoundTrip(string text) => ReadString(WriteWith(w => JsonBodyWriter.Write(w, JsonValue.Create(text))));

    private static string ReadString(byte[] json) => JsonDocument.Parse(json).RootElement.GetString()!;

    private static byte[] WriteWith(Action<Utf8JsonWriter> write)
    {
        var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output))
        {
            write(writer);
        }

        return output.ToArray();
    }
}
