using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The HTTP boundary's view of a session: a conversation's history is masked once, then sent as it was.</summary>
public class SessionMaskerTests
{
    private const string History = "Our OrderPricingEngine rounds twice. Also, what does Contoso ship?";
    private const string Code = """
        ```csharp
        namespace Contoso.Pricing;

        public sealed class OrderPricingEngine { }
        ```
        """;

    [Fact]
    public void History_resent_with_every_request_reaches_the_provider_exactly_as_before()
    {
        var masker = new SessionMasker(new MaskingSession());

        var first = masker.Mask(History);
        masker.Mask(Code); // declares Contoso: masked from now on in new text
        var again = masker.Mask(History);
        var fresh = masker.Mask("What does Contoso ship?");

        Assert.Same(first, again);
        Assert.Contains("Contoso", again.Text); // as it was sent the first time: re-masking it now would change the history
        Assert.DoesNotContain("OrderPricingEngine", first.Text);
        Assert.DoesNotContain("Contoso", fresh.Text);
    }

    [Fact]
    public void Remembered_text_unmasks_like_new_text()
    {
        var masker = new SessionMasker(new MaskingSession());

        var masked = masker.Mask(Code);
        masker.Mask(Code);

        Assert.Equal(Code, masker.Unmask(masked.Text));
    }
}
