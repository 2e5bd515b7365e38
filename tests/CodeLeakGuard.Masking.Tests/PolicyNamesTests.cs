using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The names a policy's proprietary namespace, type and member rules spell out are the company's own: prose that
/// mentions them is masked before any code declaring them was seen, with the pseudonyms that code then gets.
/// </summary>
public class PolicyNamesTests
{
    private static readonly AiPolicy Policy = AiPolicy.Parse(
        """
        proprietary namespace Contoso.Billing
        proprietary type Fabrikam.Ledger.Reconciler
        proprietary member Fabrikam.Ledger.Posting.Settle
        proprietary type Contoso.Core.Repository<TEntity>
        proprietary namespace Contoso.*.Internal
        """,
        "codeleakguard.policy");

    private const string Question = "Why does Contoso billing double-charge? The Reconciler in Fabrikam's Ledger calls Settle twice, and Posting looks fine.";

    [Fact]
    public void Prose_that_names_what_the_rules_name_is_masked_before_any_code_is_seen()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = Policy });

        var masked = session.Mask(Question, MaskKind.Markdown);

        foreach (var name in new[] { "Contoso", "Reconciler", "Fabrikam", "Ledger", "Settle", "Posting" })
        {
            Assert.DoesNotContain(name, masked.Text);
        }

        Assert.Contains(" billing ", masked.Text); // names are case-sensitive, like declared names: the English word stays
        Assert.Matches(@"^Why does Namespace\d+ billing double-charge\? The Class\d+ in Namespace\d+'s Namespace\d+ calls Name\d+ twice, and Class\d+ looks fine\.$", masked.Text);
        Assert.Equal(Question, session.Unmask(masked.Text).Text);
    }

    [Fact]
    public void Wildcards_type_arguments_and_framework_names_in_a_rule_name_nothing()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = Policy });

        var masked = session.Mask("The Repository keeps TEntity rows; Internal and Core are framework words.", MaskKind.Markdown).Text;

        Assert.DoesNotContain("Repository", masked);
        Assert.Contains("TEntity", masked);
        Assert.Contains("Internal and Core", masked);
    }

    [Fact]
    public void Code_declaring_a_name_the_prose_masked_gets_the_same_pseudonym()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = Policy });
        var question = session.Mask("Is the Reconciler thread-safe?", MaskKind.Markdown).Text;

        var code = session.Mask("namespace Fabrikam.Ledger;\npublic sealed class Reconciler { }", MaskKind.CSharp).Text;

        var pseudonym = Regex.Match(question, @"the (Class\d+) thread-safe").Groups[1].Value;
        Assert.NotEmpty(pseudonym);
        Assert.Contains($"class {pseudonym}", code);
    }

    [Fact]
    public void Without_proprietary_name_rules_prose_keeps_its_capitalised_words()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = AiPolicy.Parse("proprietary path src/Billing/**", "codeleakguard.policy") });

        Assert.Equal(Question, session.Mask(Question, MaskKind.Markdown).Text);
    }

    [Fact]
    public async Task The_handler_masks_them_in_a_question_sent_without_code()
    {
        var upstream = new InMemoryUpstream("""{"content":[]}""", "application/json");
        var session = new MaskingSession(new MaskingOptions { Policy = Policy });
        using var client = new HttpClient(new MaskingHandler(MaskingHandlerOptions.ForSession(session), upstream));
        var body = $$"""{"model":"claude-sonnet-4-5","max_tokens":100,"system":"You review Fabrikam code.","messages":[{"role":"user","content":"{{Question}}"}]}""";

        var response = await client.PostAsync("http://127.0.0.1:9/v1/messages", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var sent = Assert.Single(upstream.Bodies);
        foreach (var name in new[] { "Contoso", "Reconciler", "Fabrikam", "Ledger", "Settle", "Posting" })
        {
            Assert.DoesNotContain(name, sent);
        }
    }
}
