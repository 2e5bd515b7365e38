using CodeLeakGuard.Masking.CSharp;
using CodeLeakGuard.Tests.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Code masked by name is written from a plan made while lexing, which visits only the tokens the writer may change.
/// Its output must be the same, byte for byte, as walking every token. Runs alone: it turns a process-wide switch.
/// </summary>
[Collection(ProcessWideSwitchCollection.Name)]
public class EmitPlanTests
{
    public static TheoryData<string, string> Samples()
    {
        var key = FakeSecrets.GitHubToken;
        var data = new TheoryData<string, string>
        {
            // Literals whose secret-ness depends on the tokens before them, which the plan skips.
            { "sensitive assignments", "class Vault { string password = \"Tr0ub4dor&3-horse\"; object o = new { ApiKey = \"zq8Kx2Lw9Pt4Rv7Ny3\" }; void F(D d) { d[\"Secret\"] = \"hx7Tq2Wp9Lk4Zm8Vb\"; var m = new M { { \"Token\", \"Rt5Yh8Uj2Ik6Ol9Pa\" } }; } }" },
            { "comments and directives", $"// OrderLedger posts {key}\n/// <summary>Uses <see cref=\"OrderLedger\"/>.</summary>\n#region OrderLedger\nclass OrderLedger {{ /* Ledger */ int Total; }}\n#endregion\n#if NEVER\nclass Hidden {{ }}\n#endif\n" },
            { "interpolations", "class Pricing { string Describe(Order order) => $\"{order.Total:N2} for {order.CustomerName} at {DateTime.Now}\" + $@\"{order.Id}\\path\" + $\"\"\"{order.Note}\"\"\"; }" },
            { "bad tokens and chars", "class Odd { char c = 'x'; char d = 'OrderLedger; ` OrderLedger \\ ; }" },
            { "names like placeholders", "class Class1 { Name2 Name3; void Method4(Class1 x) { } }" },
        };
        foreach (var file in TestCodeBase.Files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal)))
        {
            data.Add(file.Path, file.Text);
        }

        foreach (var row in HostileInputTests.Hostile())
        {
            data.Add("hostile: " + row[0], (string)row[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Writing_from_the_plan_equals_walking_every_token(string name, string code)
    {
        var fromPlan = MaskBoth(code, out var everyToken);

        Assert.True(string.Equals(everyToken, fromPlan, StringComparison.Ordinal), $"{name}: the plan wrote\n{fromPlan}\nwalking every token wrote\n{everyToken}");
    }

    [Fact]
    public void The_plan_holds_exactly_the_tokens_that_may_change()
    {
        var code = TestCodeBase.Files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal)).MaxBy(f => f.Text.Length).Text;
        var roslyn = SyntaxFactory.ParseTokens(code).ToList();
        var tokens = new CodeTokens();
        tokens.AddRange(roslyn, code);

        var plan = EmitPlan.Build(tokens);
        try
        {
            var planned = Enumerable.Range(0, plan.Count).Select(k => EmitPlan.TokenIndex(plan.Entries[k])).ToHashSet();
            var expected = Enumerable.Range(0, roslyn.Count).Where(i => IsWritten(roslyn[i]) || HasTriviaToWalk(roslyn[i])).ToHashSet();
            Assert.Equal(expected.Order(), planned.Order());
            Assert.InRange(plan.Count, 1, tokens.Count * 2 / 3); // most tokens are keywords and punctuation
        }
        finally
        {
            plan.Return();
        }
    }

    [Fact]
    public void A_planted_secret_is_masked_either_way()
    {
        const string code = "class Vault { string password = \"Tr0ub4dor&3-horse\"; }";

        var fromPlan = MaskBoth(code, out var everyToken);

        Assert.DoesNotContain("Tr0ub4dor", fromPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("Tr0ub4dor", everyToken, StringComparison.Ordinal);
    }

    // What the writer changes, said independently of TokenWrites: names, strings, and what the lexer could not make a token of.
    private static bool IsWritten(SyntaxToken token) =>
        token.Kind() is SyntaxKind.IdentifierToken or SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.SingleLineRawStringLiteralToken
            or SyntaxKind.MultiLineRawStringLiteralToken or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken
            or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.InterpolatedStringToken or SyntaxKind.BadToken
        || (token.IsKind(SyntaxKind.CharacterLiteralToken) && token.ContainsDiagnostics);

    private static bool HasTriviaToWalk(SyntaxToken token) =>
        token.LeadingTrivia.Concat(token.TrailingTrivia).Any(t => !t.IsKind(SyntaxKind.WhitespaceTrivia) && !t.IsKind(SyntaxKind.EndOfLineTrivia));

    // The masked text and report, or the refusal: either way the two writers must agree.
    private static string MaskBoth(string code, out string everyToken)
    {
        try
        {
            CSharpMasker.WritesFromPlan = false;
            everyToken = Outcome(code);
        }
        finally
        {
            CSharpMasker.WritesFromPlan = true;
        }

        return Outcome(code);
    }

    private static string Outcome(string code)
    {
        try
        {
            var result = new MaskingSession().Mask(code, MaskKind.CSharp);
            return result.Text + "\n--\n" + result.Report;
        }
        catch (MaskingException refused)
        {
            return "refused: " + refused.Message;
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideSwitchCollection
{
    public const string Name = "Process-wide switches";
}
