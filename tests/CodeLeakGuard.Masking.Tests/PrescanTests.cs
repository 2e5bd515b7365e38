using CodeLeakGuard.Masking.Markdown;
using CodeLeakGuard.Masking.Text;
using CodeLeakGuard.Secrets;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Lexing a prompt also scans for secrets, ahead, the regions that will be masked as text (prose, inline code, other
/// code blocks, C# literals, comments, directives and disabled code), so the masking thread does not. The writer must find every such region
/// scanned, and the result must be the one scanning while masking gives.
/// </summary>
public class PrescanTests
{
    private static readonly string Chat =
        $"Our Stripe key {FakeSecrets.StripeKey} leaks from `PaymentGateway.Charge` and ``Ledger`Post``.\n\n" +
        "```csharp\n" +
        "/// <summary>\n/// Posts to <see cref=\"InvoiceLedger\"/>.\n/// </summary>\n" +
        "#region PaymentGateway internals\n" +
        "class PaymentGateway\n{\n" +
        "#if NEVER\n    string Old = \"InvoiceLedger\";\n#endif\n" +
        $"    // rotated: {FakeSecrets.GitHubToken}\n" +
        $"    private const string Key = \"{FakeSecrets.AnthropicKey}\"; /* InvoiceLedger */\n" +
        "    string Raw = \"\"\"PaymentGateway raw\"\"\";\n" +
        "    byte[] Bytes = \"InvoiceLedger\"u8.ToArray();\n" +
        "}\n#endregion\n```\n\n" +
        $"And the config:\n\n```json\n{{ \"openai\": \"{FakeSecrets.OpenAIKey}\" }}\n```\n\nWhy does PaymentGateway retry?";

    [Fact]
    public void Every_region_masked_as_text_was_scanned_ahead_and_no_secret_survives()
    {
        var session = new MaskingSession();
        var lexed = session.LexMarkdown(Chat);

        var masked = session.MaskMarkdown(Chat, lexed).Text;

        Assert.Equal(0, lexed.Prescanned.Misses);
        Assert.True(lexed.Prescanned.Hits >= 10, $"only {lexed.Prescanned.Hits} regions were taken from the scans made ahead");
        foreach (var secret in new[] { FakeSecrets.StripeKey, FakeSecrets.GitHubToken, FakeSecrets.AnthropicKey, FakeSecrets.OpenAIKey })
        {
            Assert.DoesNotContain(secret, masked, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Masking_with_the_scans_made_ahead_equals_scanning_while_masking()
    {
        var texts = TestCodeBase.Files.Where(f => f.Path.EndsWith(".cs", StringComparison.Ordinal))
            .Select(f => $"Review `{Path.GetFileNameWithoutExtension(f.Path)}`:\n\n```csharp\n{f.Text}\n```\n\nIt is slow.")
            .Append(Chat)
            .ToList();
        var ahead = new MaskingSession();
        var now = new MaskingSession();

        foreach (var text in texts)
        {
            var withScans = ahead.MaskMarkdown(text, ahead.LexMarkdown(text)).Text;
            var lexed = now.LexMarkdown(text);
            var unscanned = new LexedMarkdown(text, lexed.Segments, lexed.Code, new PrescannedSecrets(new SecretScanner(BuiltInSecretFormats.All)));
            var withoutScans = now.MaskMarkdown(text, unscanned).Text;

            Assert.Equal(0, unscanned.Prescanned.Hits); // another scanner's scans are never taken
            Assert.Equal(withoutScans, withScans);
        }
    }
}
