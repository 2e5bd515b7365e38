using CodeLeakGuard.Text;

namespace CodeLeakGuard.Core.Tests;

public class CSharpStringContentTests
{
    [Theory]
    [InlineData("\"a\\nb\"", "a\nb", CSharpStringStyle.Regular)]
    [InlineData("\"\\u0041\\x42\\U00000043\\\\\"", "ABC\\", CSharpStringStyle.Regular)]
    [InlineData("@\"C:\\x \"\"q\"\"\"", "C:\\x \"q\"", CSharpStringStyle.Verbatim)]
    [InlineData("\"\"\"raw \\n \"\" text\"\"\"", "raw \\n \"\" text", CSharpStringStyle.Raw)]
    [InlineData("\"utf8\"u8", "utf8", CSharpStringStyle.Regular)]
    [InlineData("\"unterminated \\\"", "unterminated \"", CSharpStringStyle.Regular)]
    [InlineData("\"\"", "", CSharpStringStyle.Regular)]
    public void Literal_tokens_decode_to_their_value(string token, string value, CSharpStringStyle style)
    {
        Assert.True(CSharpStringContent.TryGetLiteralContent(token, out var start, out var end, out var actualStyle));
        Assert.Equal(style, actualStyle);
        Assert.Equal(value, CSharpStringContent.Decode(token, start, end, actualStyle, interpolated: false).Value);
    }

    [Fact]
    public void Every_value_character_maps_back_to_where_it_is_written()
    {
        const string token = "\"x\\tKEY\\u0021y\"";
        Assert.True(CSharpStringContent.TryGetLiteralContent(token, out var start, out var end, out var style));
        var content = CSharpStringContent.Decode(token, start, end, style, interpolated: false);
        Assert.Equal("x\tKEY!y", content.Value);
        Assert.False(content.IsVerbatimCopy);
        var (spanStart, spanEnd) = content.SourceSpan(2, 4); // "KEY!"
        Assert.Equal("KEY\\u0021", token[spanStart..spanEnd]);
        Assert.Equal(token.Length - 1, content.SourceOffset(content.Value.Length));
    }

    [Fact]
    public void Interpolated_text_unescapes_doubled_braces_and_malformed_escapes_never_throw()
    {
        Assert.Equal("{a}", CSharpStringContent.Decode("{{a}}", 0, 5, CSharpStringStyle.Regular, interpolated: true).Value);
        Assert.Equal("u12", CSharpStringContent.Decode("\\u12", 0, 4, CSharpStringStyle.Regular, interpolated: false).Value);
        Assert.False(CSharpStringContent.TryGetLiteralContent("'c'", out _, out _, out _));
    }
}
