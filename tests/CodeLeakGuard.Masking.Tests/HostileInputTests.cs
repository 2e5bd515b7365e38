using System.Diagnostics;
using System.Text;
using CodeLeakGuard.Tests.Shared;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Input built to break the masker: it must never crash, never hang, and never hand back raw text. Either the
/// result is masked (and round-trips) or masking is refused with a <see cref="MaskingException"/>.
/// </summary>
public class HostileInputTests
{
    private static readonly MaskKind[] AllKinds = [MaskKind.CSharp, MaskKind.Markdown, MaskKind.PlainText];

    public static TheoryData<string, string> Hostile()
    {
        var key = FakeSecrets.GitHubToken;
        return new TheoryData<string, string>
        {
            { "empty", string.Empty },
            { "whitespace", " \t\r\n\r\n  " },
            { "unterminated string", $"class OrderLedger {{ string s = \"{key} and OrderLedger" },
            { "unterminated verbatim string", $"class OrderLedger {{ string s = @\"{key}\n more" },
            { "unterminated raw string", $"class OrderLedger {{ string s = \"\"\"\n  {key}\n" },
            { "unterminated interpolation", $"class OrderLedger {{ string s = $\"{{OrderLedger.Total {key}" },
            { "unterminated comment", $"class OrderLedger {{ }} /* OrderLedger {key}" },
            { "unterminated char", "class OrderLedger { char c = 'OrderLedger" },
            { "preprocessor chaos", $"#if A\n#if B\nclass OrderLedger {{ string k = \"{key}\"; }}\n#elif\n#else\n#else\n#endif\n#region\n#error OrderLedger {key}\n#line hidden\n#pragma warning restore OrderLedger\n#define X Y Z\n#nullable sometimes\nclass Shown {{ OrderLedger l; }}" },
            { "disabled code", $"#if NEVER\nclass OrderLedger {{ void Post() {{ var key = \"{key}\"; }} }}\n#endif\nclass Shown {{ }}" },
            { "conflict markers", $"<<<<<<< HEAD\nclass OrderLedger {{ }}\n=======\nclass OrderLedger {{ string k = \"{key}\"; }}\n>>>>>>> feature\n" },
            { "control characters", "class OrderLedger\0 { \u0001\u0002 string s = \"\0\u001b OrderLedger\"; }\u007f" },
            { "garbage", "}{)(][;;;##@@@$$$\"\"\"'''\\\\\\ OrderLedger ```` ~~~ <secret:Evil1> <withheld:Proprietary2> Class3" },
            { "unclosed fence", $"```csharp\nclass OrderLedger {{ string k = \"{key}\"; }}\n" },
            { "backtick spam", new string('`', 5000) + " OrderLedger " + new string('`', 4999) },
            { "surrogate pairs", "class Ledger𝒜 { string s = \"😀 OrderLedger 😀\"; }" },
        };
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void Hostile_text_is_masked_without_leaking_and_round_trips(string name, string text)
    {
        foreach (var kind in AllKinds)
        {
            var session = new MaskingSession();
            var masked = Bounded(() => session.Mask(text, kind), TimeSpan.FromMinutes(2));
            Assert.DoesNotContain(FakeSecrets.GitHubToken, masked.Text);
            if (kind != MaskKind.PlainText || text.Contains('`', StringComparison.Ordinal))
            {
                Assert.True(kind == MaskKind.PlainText || !masked.Text.Contains("OrderLedger", StringComparison.Ordinal), $"{name} as {kind}: {masked.Text}");
            }

            Assert.Equal(text, Bounded(() => session.Unmask(masked.Text), TimeSpan.FromMinutes(2)).Text);
        }
    }

    [Fact]
    public void Invalid_UTF16_is_refused()
    {
        // Built at run time: test data attributes would not carry an unpaired surrogate intact.
        string[] texts = ["class C { string s = \"" + (char)0xD800 + "\"; }", "lone low " + (char)0xDC00 + " surrogate", "ends with a high surrogate " + (char)0xD83D];
        foreach (var text in texts)
        {
            foreach (var kind in AllKinds)
            {
                var ex = Assert.Throws<MaskingException>(() => new MaskingSession().Mask(text, kind));
                Assert.Equal(MaskingFailure.InvalidUtf16, ex.Failure);
                Assert.DoesNotContain("class C", ex.Message);
            }
        }
    }

    [Fact]
    public void Unpaired_surrogates_are_found_at_every_offset_and_pairs_are_not()
    {
        // The search skips whole vectors without surrogates: every offset around vector boundaries (8 to 32 chars).
        for (var at = 0; at < 100; at++)
        {
            var chars = new string('a', 101).ToCharArray();
            chars[at] = (char)0xD800;
            Assert.Equal(at, Text.Utf16.FindUnpairedSurrogate(new string(chars)));
            chars[at] = (char)0xDC00;
            Assert.Equal(at, Text.Utf16.FindUnpairedSurrogate(new string(chars)));
            chars[at] = (char)0xD83D;
            chars[at + 1] = (char)0xDE00;
            Assert.Equal(-1, Text.Utf16.FindUnpairedSurrogate(new string(chars)));
            Assert.Equal(at, Text.Utf16.FindUnpairedSurrogate(new string(chars, 0, at) + new string(chars, at + 1, 100 - at)));
            Assert.Equal(at, Text.Utf16.FindUnpairedSurrogate(new string(chars, 0, at + 1)));
        }
    }

    [Fact]
    public void Text_over_the_limit_is_refused()
    {
        var session = new MaskingSession(new MaskingOptions { MaxInputLength = 1000 });
        var ex = Assert.Throws<MaskingException>(() => session.Mask(new string('x', 1001), MaskKind.PlainText));
        Assert.Equal(MaskingFailure.InputTooLarge, ex.Failure);
        Assert.Throws<MaskingException>(() => session.Mask([new MaskRequest("ok", MaskKind.PlainText), new MaskRequest(new string('x', 1001), MaskKind.CSharp)]));
    }

    [Fact]
    public void Deep_nesting_does_not_crash_and_proprietary_code_nested_too_deeply_is_withheld_whole()
    {
        var deep = "class OrderLedger { int M() => " + new string('(', 50_000) + "1" + new string(')', 50_000) + "; }";
        var session = new MaskingSession();
        var masked = Bounded(() => session.Mask(deep, MaskKind.CSharp), TimeSpan.FromMinutes(2));
        Assert.DoesNotContain("OrderLedger", masked.Text);
        Assert.Equal(deep, session.Unmask(masked.Text).Text);

        var proprietary = "// codeleakguard:proprietary-begin\n" + deep;
        var withheld = Bounded(() => session.Mask(proprietary, MaskKind.CSharp), TimeSpan.FromMinutes(2));
        Assert.Equal(1, withheld.Report.ProprietarySpans);
        Assert.DoesNotContain("((((", withheld.Text);
        Assert.Equal(proprietary, session.Unmask(withheld.Text).Text);

        var braces = "class OrderLedger { void M() " + string.Concat(Enumerable.Repeat("{ ", 20_000)) + string.Concat(Enumerable.Repeat("} ", 20_000)) + "}";
        Assert.DoesNotContain("OrderLedger", Bounded(() => session.Mask(braces, MaskKind.CSharp), TimeSpan.FromMinutes(2)).Text);

        var interpolations = string.Concat(Enumerable.Repeat("$\"{", 300)) + "OrderLedger" + string.Concat(Enumerable.Repeat("}\"", 300));
        var nested = "class C { object o = " + interpolations + "; }";
        var maskedNested = Bounded(() => session.Mask(nested, MaskKind.CSharp), TimeSpan.FromMinutes(2));
        Assert.DoesNotContain("OrderLedger", maskedNested.Text);
        Assert.Equal(nested, session.Unmask(maskedNested.Text).Text);

        // Roslyn's lexer reads nested holes by recursion: 20,000 levels ended the process with a stack overflow. With a
        // comment in each hole and a directive ahead, no lexer of the masker's own gets far into them either.
        var deeper = string.Concat(Enumerable.Repeat("$\"{/* x */", 20_000)) + "OrderLedger" + string.Concat(Enumerable.Repeat("}\"", 20_000));
        foreach (var code in new[] { "class C { object o = " + deeper + "; }", "#region Ledger\nclass C { object o = " + deeper + "; }\n#endregion", "// codeleakguard:proprietary-begin\nclass C { object o = " + deeper + "; }" })
        {
            var maskedDeeper = Bounded(() => session.Mask(code, MaskKind.CSharp), TimeSpan.FromMinutes(2));
            Assert.DoesNotContain("OrderLedger", maskedDeeper.Text);
            Assert.Equal(code, session.Unmask(maskedDeeper.Text).Text);
        }
    }

    /// <summary>
    /// Proprietary code is parsed to find its parts. Roslyn's parser recurses without a guard through some shapes
    /// (each of these ended the process on a thread pool thread with a stack overflow, which cannot be caught) and
    /// through others reports CS8078 and gives back a tree of skipped text in which no marker was found, so the code
    /// went out as if nothing in it were proprietary. Either way the whole text must be withheld, and the process live.
    /// </summary>
    [Theory]
    [InlineData("function pointers", "default(", "delegate*<", 10_000, "void", ">", ")")]
    [InlineData("conditional access", "OrderLedger", "?.Next", 100_000, "", "", "")]
    [InlineData("not patterns", "x is ", "not ", 100_000, "null", "", "")]
    [InlineData("type arguments", "new OrderLedger<", "L<", 10_000, "int", ">", ">()")]
    [InlineData("lambdas (CS8078)", "", "x => ", 50_000, "OrderLedger", "", "")]
    [InlineData("conditionals (CS8078)", "", "c ? a : ", 50_000, "OrderLedger", "", "")]
    public void Proprietary_code_too_deep_for_the_parser_is_withheld_whole_without_ending_the_process(string shape, string before, string repeated, int times, string middle, string closing, string after)
    {
        var expression = before + string.Concat(Enumerable.Repeat(repeated, times)) + middle + string.Concat(Enumerable.Repeat(closing, times)) + after;
        var code = "// codeleakguard:proprietary-begin\nclass OrderLedger { object M() { return " + expression + "; } }";
        var session = new MaskingSession();

        var masked = Bounded(() => session.Mask(code, MaskKind.CSharp), TimeSpan.FromMinutes(2));

        Assert.True(masked.Report.ProprietarySpans == 1, $"{shape}: {masked.Report.ProprietarySpans} proprietary spans");
        Assert.DoesNotContain(repeated.Trim(), masked.Text);
        Assert.Equal(code, session.Unmask(masked.Text).Text);
    }

    [Fact]
    public void A_huge_input_is_masked_in_bounded_time()
    {
        var builder = new StringBuilder();
        // A hang guard, not a timing test (throughput is measured with BenchmarkDotNet): the bounds are generous so a
        // busy CI machine cannot fail it, while a runaway (quadratic, catastrophic backtracking) still would.
        while (builder.Length < 4_000_000)
        {
            foreach (var (_, text) in TestCodeBase.Files)
            {
                builder.Append(text).Append('\n');
            }
        }

        var huge = builder.ToString();
        var session = new MaskingSession();
        var masked = Bounded(() => session.Mask(huge, MaskKind.CSharp), TimeSpan.FromMinutes(5));
        Assert.DoesNotContain("OrderPricingEngine", masked.Text);
        Assert.Equal(huge, Bounded(() => session.Unmask(masked.Text), TimeSpan.FromMinutes(2)).Text);
    }

    [Fact]
    public void Unmasking_hostile_answers_is_bounded_and_leaves_unknown_markers()
    {
        var session = new MaskingSession();
        session.Mask("class OrderLedger { }", MaskKind.CSharp);
        var answer = string.Concat(Enumerable.Repeat("Class1x <withheld:Proprietary999999999> <secret:OpenAIKey12345678901> Class99999999999 a1b2c3 ", 20_000));
        var restored = Bounded(() => session.Unmask(answer), TimeSpan.FromMinutes(2));
        Assert.StartsWith("OrderLedgerx <withheld:Proprietary999999999>", restored.Text);
    }

    [Fact]
    public void Masked_hostile_CSharp_still_lexes_like_the_original()
    {
        const string text = "class A { string s = \"AKIA\\u0041 \\\" OrderLedger\"; char c = '\\''; string v = @\"\"\"\"; } /* OrderLedger */ #if X\nOrderLedger\n#endif";
        var masked = new MaskingSession().Mask(text, MaskKind.CSharp).Text;
        Assert.Equal(
            SyntaxFactory.ParseTokens(text).Select(t => t.Kind()),
            SyntaxFactory.ParseTokens(masked).Select(t => t.Kind()));
    }

    private static T Bounded<T>(Func<T> work, TimeSpan limit)
    {
        var task = Task.Run(work);
        Assert.True(task.Wait(limit), $"did not finish within {limit.TotalSeconds} s");
        return task.Result;
    }
}
