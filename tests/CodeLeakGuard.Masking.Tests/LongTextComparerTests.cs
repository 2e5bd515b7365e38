using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>Prompts as keys are hashed from a sample of their characters: equal texts still meet, different ones never do.</summary>
public class LongTextComparerTests
{
    [Fact]
    public void Texts_that_differ_in_any_one_character_are_different_keys()
    {
        var text = string.Concat(Enumerable.Range(0, 400).Select(i => $"line {i % 7}\n"));
        var keys = new Dictionary<string, int>(LongTextComparer.Instance) { [text] = -1 };
        for (var i = 0; i < text.Length; i++)
        {
            var chars = text.ToCharArray();
            chars[i] = chars[i] == 'x' ? 'y' : 'x';
            keys.Add(new string(chars), i); // throws if taken for a text already there
        }

        Assert.Equal(text.Length + 1, keys.Count);
        Assert.Equal(-1, keys[new string(text.ToCharArray())]);
        Assert.Equal(17, keys[string.Concat(text.AsSpan(0, 17), "x", text.AsSpan(18))]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("a text just long enough to be sampled rather than hashed whole, with its end different from its start, and more")]
    public void Equal_texts_hash_alike_whatever_their_instance(string text)
    {
        var copy = new string(text.ToCharArray());

        Assert.True(LongTextComparer.Instance.Equals(text, copy));
        Assert.Equal(LongTextComparer.Instance.GetHashCode(text), LongTextComparer.Instance.GetHashCode(copy));
        Assert.False(LongTextComparer.Instance.Equals(text, text + " "));
    }
}
