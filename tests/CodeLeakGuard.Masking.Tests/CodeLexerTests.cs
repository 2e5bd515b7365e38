using CodeLeakGuard.Masking.CSharp;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The masker's own lexer must give exactly Roslyn's tokens and trivia (kinds, spans, full spans, diagnostics) for
/// every text it takes, and give up on the rest. Held to Roslyn over this repository's own sources (real code written
/// by others than the lexer's author, in every shape the project uses) and over snippets at the edges of what it reads.
/// </summary>
[Collection(ProcessWideSwitchCollection.Name)]
public class CodeLexerTests
{
    private static readonly CSharpParseOptions Lexing = CSharpParseOptions.Default.WithDocumentationMode(DocumentationMode.None);

    private static readonly string[] EdgeCode =
    [
        "class A { int x = 1..2; var r = a[..3]; var s = a[1..^1]; var t = .5e-3f + 1.0 + 0x1F_FFul + 0b1010 + 1_000L + 2u + 3lu + 4.5m + 6d; }",
        "var s = \"tab\\t quote\\\" back\\\\ \\u0041 \\x41 \\U0001F600\" + @\"C:\\path \"\"quoted\"\"\" + \"bytes\"u8 + @\"v\"U8;",
        "var c = 'x' + '\\'' + '\\\\' + '\\n' + '\\u0041' + '\\x4';",
        "var i = $\"{a}{{b}} {c,-10:N2} {d?.e ?? \"f\"} {(g ? h : i)} {new[] { 1, 2 }[0]} {$\"{nested}\"}\" + $@\"{x}\\path\"\"q\"\"\" + @$\"{y}\";",
        "a >>= b; a >>> c; x => x >= y; p->q; a ?? b; c ??= d; e?.f; g::h; i++; --j; k != l; m == n; o && p || q; r &= s; t |= u; v ^= w; x %= y; z <<= 1; ~a; !b;",
        "// comment\n/* block\n comment */ class /*inline*/ A /// doc\n{\n    /** doc */ int x; // trailing\n}\n// at the end",
        "@class @int = new @class(); var __arglist2 = 1; __makeref(x);",
        "class A\r\n{\r\n\tvoid M() { }\r\n}\r\n",
        "\n\n   \t\f\v  class A {}   ",
        string.Empty,
        "x",
        "#region Pricing rules\nclass A {}\n#endregion\n",
        "  #  region   Indented  \r\n  class A {}\r\n  #endregion // done\r\n",
        "#nullable enable\nclass A { string? s; }\n#nullable restore warnings",
        "#pragma warning disable CS0168, CS0219\nclass A {}\n#pragma warning restore CS0168\n#pragma warning disable\n",
        "class A {\n#region Inner\n  int x; // trailing\n\t#endregion\n}",
        "// c\n#region X\n/* b */ class A {}\n#endregion",
    ];

    public static TheoryData<string> Edges() => new(EdgeCode);

    // Texts the lexer leaves to Roslyn (reading them differently would change what is masked).
    public static TheoryData<string> LeftToRoslyn() => new()
    {
        "#if DEBUG\nclass A {}\n#endif",
        "#define TRACE\nclass A {}",
        "#pragma warning disable CS0168 // unused\nclass A {}",
        "#nullable enable annotations warnings\nclass A {}",
        "class A { } #region late",
        "class A {}\n#region",
        "#endregion\nclass A {}",
        "var r = \"\"\"\n    raw\n    \"\"\";",
        "var r = $$\"\"\"{{x}}\"\"\";",
        "var s = \"unterminated\nclass A {}",
        "var s = \"bad escape \\q\";",
        "var c = 'ab';",
        "var c = '';",
        "int caf\u00e9 = 1;",
        "int \\u0061bc = 1;",
        "<<<<<<< HEAD\nclass A {}\n=======\nclass B {}\n>>>>>>> main\n",
        "/* unterminated",
        "var x = a ` b;",
        "var n = 0x;",
        "var n = 1abc;",
        "var i = $\"{a // comment\n}\";",
        "var i = $\"line\nbreak\";",
        "var i = $\"}\";",
        "var i = $\"{a:} }\";",
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void Edge_cases_lex_as_Roslyn_lexes_them(string code)
    {
        Assert.True(LexesAsRoslyn(code, out var difference), difference);
    }

    [Theory]
    [MemberData(nameof(LeftToRoslyn))]
    public void Code_it_does_not_read_exactly_as_Roslyn_is_left_to_Roslyn(string code)
    {
        Assert.False(CodeLexer.TryLex(code, new CodeTokens()));
    }

    [Fact]
    public void Interpolated_strings_nested_past_any_real_use_are_left_to_Roslyn_without_exhausting_the_stack()
    {
        var deep = string.Concat(Enumerable.Repeat("$\"{", 100_000)) + "x" + string.Concat(Enumerable.Repeat("}\"", 100_000));

        Assert.False(CodeLexer.TryLex("var s = " + deep + ";", new CodeTokens()));
        Assert.False(CodeLexer.TryLexInterpolated(deep, new CodeTokens()));
        Assert.True(CodeLexer.TryLexInterpolated(string.Concat(Enumerable.Repeat("$\"{", 8)) + "x" + string.Concat(Enumerable.Repeat("}\"", 8)), new CodeTokens()));
    }

    [Fact]
    public void This_repositorys_sources_lex_as_Roslyn_lexes_them()
    {
        var files = RepositorySources().ToList();
        var lexed = 0;
        var plain = 0; // files without directives or raw strings, which the lexer should all take
        foreach (var (path, text) in files)
        {
            var leftToRoslyn = text.Contains("\"\"\"", StringComparison.Ordinal) || text.Split('\n').Any(line => line.TrimStart().StartsWith('#'));
            plain += leftToRoslyn ? 0 : 1;
            if (CodeLexer.TryLex(text, new CodeTokens()))
            {
                lexed++;
                Assert.True(LexesAsRoslyn(text, out var difference), $"{path}: {difference}");
            }
        }

        Assert.True(files.Count > 200, $"only {files.Count} source files found");
        Assert.True(lexed >= plain * 0.95, $"the lexer took {lexed} of {files.Count} files; {plain} have no directive or raw string");
    }

    [Fact]
    public void Interpolated_strings_read_into_the_tokens_Roslyns_parser_makes()
    {
        var strings = RepositorySources().Select(file => file.Text).Concat(EdgeCode)
            .SelectMany(text => SyntaxFactory.ParseTokens(text, 0, 0, Lexing).Where(t => t.IsKind(SyntaxKind.InterpolatedStringToken)).Select(t => t.Text))
            .Concat(["$\"{a}{{b}} {c,-10:N2} {d?.e ?? \"f\"} {new[] { 1, 2 }[0]} {$\"{nested}\"}\"", "@$\"{x}\\path\"\"q\"\"\n{y\n}\"", "$@\"{(a ? b : c)}\"", "$\"{a:}\"", "$\"{a:X}{b,3:}\""])
            .Distinct()
            .ToList();
        var read = 0;
        foreach (var text in strings)
        {
            var own = new CodeTokens();
            if (!CodeLexer.TryLexInterpolated(text, own))
            {
                continue;
            }

            read++;
            var parsed = SyntaxFactory.ParseExpression(text, 0, Lexing, consumeFullText: true).DescendantTokens().ToList();
            var roslyn = new CodeTokens();
            roslyn.AddRange(parsed, text);
            var ownTokens = Enumerable.Range(0, own.Count).Select(i => (own[i].Kind, own[i].Start, own[i].End, own[i].InterpolatedStyle));
            var roslynTokens = Enumerable.Range(0, roslyn.Count).Select(i => (roslyn[i].Kind, roslyn[i].Start, roslyn[i].End, roslyn[i].InterpolatedStyle));
            Assert.True(ownTokens.SequenceEqual(roslynTokens), $"{text}\nown:    {string.Join(" ", ownTokens)}\nRoslyn: {string.Join(" ", roslynTokens)}");
        }

        Assert.True(strings.Count > 50 && read >= strings.Count * 0.8, $"read {read} of {strings.Count} interpolated strings");
    }

    [Fact]
    public void Masking_with_either_lexer_writes_the_same_text()
    {
        foreach (var (path, text) in TestCodeBase.Files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal)).Concat(EdgeCode.Select(code => (Path: "edge", Text: code))))
        {
            var own = Mask(text);
            string roslyn;
            try
            {
                CSharpMasker.OwnLexerEnabled = false;
                roslyn = Mask(text);
            }
            finally
            {
                CSharpMasker.OwnLexerEnabled = true;
            }

            Assert.True(string.Equals(own, roslyn, StringComparison.Ordinal), $"{path}: own lexer wrote\n{own}\nRoslyn's wrote\n{roslyn}");
        }
    }

    private static string Mask(string code)
    {
        var result = new MaskingSession().Mask(code, MaskKind.CSharp);
        return result.Text + "\n--\n" + result.Report;
    }

    private static bool LexesAsRoslyn(string code, out string difference)
    {
        var own = new CodeTokens();
        if (!CodeLexer.TryLex(code, own))
        {
            difference = "the lexer gave up";
            return false;
        }

        var roslyn = new CodeTokens();
        roslyn.AddRange(SyntaxFactory.ParseTokens(code, 0, 0, Lexing), code);
        difference = Difference(code, own, roslyn) ?? string.Empty;
        return difference.Length == 0;
    }

    private static string? Difference(string code, CodeTokens own, CodeTokens roslyn)
    {
        for (var i = 0; i < Math.Min(own.Count, roslyn.Count); i++)
        {
            var (a, b) = (own[i], roslyn[i]);
            var tokenA = (a.Kind, a.FullStart, a.Start, a.End, a.FullEnd, a.ContainsDiagnostics, a.LeadingCount, a.TrailingCount, a.InterpolatedStyle);
            var tokenB = (b.Kind, b.FullStart, b.Start, b.End, b.FullEnd, b.ContainsDiagnostics, b.LeadingCount, b.TrailingCount, b.InterpolatedStyle);
            if (tokenA != tokenB)
            {
                return $"token {i} at {b.Start} ('{code.Substring(b.Start, Math.Min(20, code.Length - b.Start))}'): own {tokenA}, Roslyn {tokenB}";
            }

            var triviaA = own.Leading(a).Concat(own.Trailing(a)).Select(t => (t.Kind, t.FullStart, t.Start, t.End, t.FullEnd));
            var triviaB = roslyn.Leading(b).Concat(roslyn.Trailing(b)).Select(t => (t.Kind, t.FullStart, t.Start, t.End, t.FullEnd));
            if (!triviaA.SequenceEqual(triviaB))
            {
                return $"trivia of token {i} at {b.Start}: own [{string.Join(", ", triviaA)}], Roslyn [{string.Join(", ", triviaB)}]";
            }
        }

        return own.Count == roslyn.Count ? null : $"own lexer {own.Count} tokens, Roslyn {roslyn.Count}";
    }

    // The .cs files of src/ and tests/ (not build output), found from the test's folder up to the solution.
    private static IEnumerable<(string Path, string Text)> RepositorySources()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CodeLeakGuard.sln")))
        {
            root = root.Parent;
        }

        Assert.NotNull(root);
        return new[] { "src", "tests" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root!.FullName, folder), "*.cs", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Select(path => (Path.GetRelativePath(root!.FullName, path), File.ReadAllText(path)));
    }
}
