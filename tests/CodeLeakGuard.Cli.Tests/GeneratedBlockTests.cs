using CodeLeakGuard.Cli.Export;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>The delimited block in text files: only it changes, everything around it stays byte for byte.</summary>
public class GeneratedBlockTests
{
    private const string Begin = GeneratedBlock.BeginMarker;
    private const string End = GeneratedBlock.EndMarker;

    [Fact]
    public void New_file_is_just_the_block()
    {
        Assert.Equal($"{Begin}\n/a\n{End}\n", Apply(null, "/a"));
        Assert.Null(Apply(null));
    }

    [Fact]
    public void Block_is_appended_after_a_blank_line_even_when_the_last_line_had_no_newline()
    {
        Assert.Equal($"*.log\n\n{Begin}\n/a\n{End}\n", Apply("*.log", "/a"));
        Assert.Equal($"*.log\n\n{Begin}\n/a\n{End}\n", Apply("*.log\n", "/a"));
    }

    [Fact]
    public void Block_in_the_middle_is_replaced_and_the_lines_around_keep_their_endings()
    {
        var existing = $"a\r\n\n{Begin}\r\n/old\r\n{End}\r\nb\n";

        Assert.Equal($"a\r\n\n{Begin}\r\n/new1\r\n/new2\r\n{End}\r\nb\n", Apply(existing, "/new1", "/new2"));
    }

    [Fact]
    public void Last_block_without_final_newline_keeps_having_none()
    {
        Assert.Equal($"a\n\n{Begin}\n/new\n{End}", Apply($"a\n\n{Begin}\n/old\n{End}", "/new"));
    }

    [Fact]
    public void Empty_block_is_removed_with_its_blank_separator_and_a_file_of_only_the_block_goes()
    {
        Assert.Equal("a\nb\n", Apply($"a\n\n{Begin}\n/old\n{End}\nb\n"));
        Assert.Null(Apply($"{Begin}\n/old\n{End}\n\n"));
    }

    [Fact]
    public void A_users_file_without_a_block_is_never_removed_when_there_is_nothing_to_add()
    {
        Assert.Equal(string.Empty, Apply(string.Empty));
        Assert.Equal("\n\n", Apply("\n\n"));
        Assert.Equal("*.log\n", Apply("*.log\n"));
    }

    [Theory]
    [InlineData("a\n" + Begin + "\n/x\n", "2")]
    [InlineData(End + "\n" + Begin + "\n", "1, 2")]
    [InlineData(Begin + "\n" + End + "\n" + Begin + "\n" + End + "\n", "1, 2, 3, 4")]
    public void Broken_markers_are_an_error(string existing, string lines)
    {
        var result = GeneratedBlock.Apply(existing, new[] { "/a" }, out var error);

        Assert.Null(result);
        Assert.StartsWith($"its codeleakguard block is broken (marker lines {lines})", error);
    }

    [Fact]
    public void Patterns_and_markers_are_told_apart_from_comments()
    {
        Assert.False(GeneratedBlock.HasPatterns("# only a comment\n\n"));
        Assert.True(GeneratedBlock.HasPatterns("# comment\nsecrets/\n"));
        Assert.True(GeneratedBlock.HasBlock($"x\n{Begin}\n{End}\n"));
        Assert.False(GeneratedBlock.HasBlock("# >> codeleakguard\n"));
    }

    private static string? Apply(string? existing, params string[] body)
    {
        var result = GeneratedBlock.Apply(existing, body, out var error);
        Assert.Null(error);
        return result;
    }
}
