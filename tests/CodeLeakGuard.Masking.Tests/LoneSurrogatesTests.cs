using System.Text;
using System.Text.Json;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// JSON that escapes a lone surrogate (as JavaScript writes a string cut inside an emoji) becomes JSON that
/// System.Text.Json can read: each lone one is U+FFFD, everything else is byte for byte as it was.
/// </summary>
public class LoneSurrogatesTests
{
    [Theory]
    [InlineData(@"""cut \ud83d""", @"""cut \ufffd""")]
    [InlineData(@"""\ude00 starts""", @"""\ufffd starts""")]
    [InlineData(@"""\uD83D""", @"""\ufffd""")]
    [InlineData(@"""\ud83d\u0041""", @"""\ufffd\u0041""")] // a high one followed by an escape that is not a low one
    [InlineData(@"""\ud83d\ud83d\ude00""", @"""\ufffd\ud83d\ude00""")] // two highs: the second has its partner
    [InlineData(@"""\ude00\ud83d""", @"""\ufffd\ufffd""")] // the wrong order is no pair
    [InlineData(@"{""\udbff"":""\udc00""}", @"{""\ufffd"":""\ufffd""}")] // in a key too
    [InlineData(@"""\\\ud83d""", @"""\\\ufffd""")] // an escaped backslash, then an escape
    public void Lone_surrogate_escapes_become_the_replacement_character(string json, string expected)
    {
        Assert.Equal(expected, LoneSurrogates.Replace(json));
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.True(LoneSurrogates.Replace(bytes.AsSpan()) > 0);
        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        ReadAllStrings(expected); // System.Text.Json reads it now
    }

    [Theory]
    [InlineData(@"""\ud83d\ude00 a pair""")]
    [InlineData(@"""\uD83D\uDE00""")]
    [InlineData(@"""\\ud83d is text, after an escaped backslash""")]
    [InlineData(@"""\\\\ud83d""")]
    [InlineData(@"""\u00e9\u2192\n\t plain escapes""")]
    [InlineData(@"""no escapes at all""")]
    [InlineData(@"""\ud8""")] // cut short: for the parser to refuse, not for this to guess
    [InlineData(@"""\udzzz""")]
    public void Everything_else_is_left_as_it_was(string json)
    {
        Assert.Same(json, LoneSurrogates.Replace(json));
        var bytes = Encoding.UTF8.GetBytes(json);
        Assert.Equal(0, LoneSurrogates.Replace(bytes.AsSpan()));
        Assert.Equal(json, Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public void It_counts_every_one_it_replaces()
    {
        var bytes = Encoding.UTF8.GetBytes(@"[""\ud83d"",""\ud83d\ude00"",""x\udc00y"",""\ud800""]");

        Assert.Equal(3, LoneSurrogates.Replace(bytes.AsSpan()));
        Assert.Equal(new[] { "\uFFFD", "\U0001F600", "x\uFFFDy", "\uFFFD" }, ReadAllStrings(Encoding.UTF8.GetString(bytes)));
    }

    [Fact]
    public void Unreadable_before_readable_after()
    {
        const string json = @"{""text"":""tool output cut at 30000 characters: \ud83d""}";
        using (var before = JsonDocument.Parse(json))
        {
            Assert.Throws<InvalidOperationException>(() => before.RootElement.GetProperty("text").GetString());
        }

        using var after = JsonDocument.Parse(LoneSurrogates.Replace(json));
        Assert.Equal("tool output cut at 30000 characters: \uFFFD", after.RootElement.GetProperty("text").GetString());
    }

    private static List<string> ReadAllStrings(string json)
    {
        var strings = new List<string>();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        while (reader.Read())
        {
            if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
            {
                strings.Add(reader.GetString()!);
            }
        }

        return strings;
    }
}
