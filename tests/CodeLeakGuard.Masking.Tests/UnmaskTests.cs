namespace CodeLeakGuard.Masking.Tests;

/// <summary>Unmasking: exact at identifier boundaries, derived names, altered and unknown placeholders, untouched text.</summary>
public class UnmaskTests
{
    private static readonly string[] Names = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot", "Golf", "Hotel", "India", "Juliet", "Kilo", "Lima"];

    private static MaskingSession SessionWithTwelveClasses(out string masked)
    {
        var session = new MaskingSession();
        masked = session.Mask(string.Join("\n", Names.Select(n => $"class {n}Widget {{ }}")), MaskKind.CSharp).Text;
        return session;
    }

    [Fact]
    public void Class1_is_never_found_inside_Class10()
    {
        var session = SessionWithTwelveClasses(out var masked);
        Assert.Contains("class Class1 ", masked);
        Assert.Contains("class Class10 ", masked);

        var restored = session.Unmask("Class10 extends Class1; Class12 and Class11 and Class1.");
        Assert.Equal("JulietWidget extends AlphaWidget; LimaWidget and KiloWidget and AlphaWidget.", restored.Text);
        Assert.Equal(5, restored.Restored);
        Assert.Empty(restored.Issues);
    }

    [Fact]
    public void Names_the_model_derives_are_restored()
    {
        var session = new MaskingSession();
        var masked = session.Mask("class OrderService { private int _retryCount; private int total; void Submit() { } }", MaskKind.CSharp).Text;
        Assert.Equal("class Class1 { private int _field2; private int field3; void Method4() { } }", masked);

        var restored = session.Unmask("IClass1, Class1Tests, Method4Async, _field2, this.field3, field3s, Class1.Method4()").Text;
        Assert.Equal("IOrderService, OrderServiceTests, SubmitAsync, _retryCount, this.total, totals, OrderService.Submit()", restored);
    }

    [Fact]
    public void Altered_placeholders_are_restored_when_unambiguous_and_reported_otherwise()
    {
        var session = new MaskingSession();
        session.Mask("class OrderService { private int total; void Submit() { } }", MaskKind.CSharp);

        var restored = session.Unmask("Field2 is set by Method3; Method2 and Class99 are new; <withheld:Proprietary50> too.");
        Assert.Equal("Total is set by Submit; Method2 and Class99 are new; <withheld:Proprietary50> too.", restored.Text);
        Assert.Equal(
            [(UnmaskIssueKind.Unresolved, "<withheld:Proprietary50>"), (UnmaskIssueKind.AlteredRestored, "Field2"), (UnmaskIssueKind.AlteredLeft, "Method2"), (UnmaskIssueKind.Unresolved, "Class99")],
            restored.Issues.Select(i => (i.Kind, i.Text)));
    }

    [Fact]
    public void Text_without_placeholders_comes_back_as_the_same_string()
    {
        var session = SessionWithTwelveClasses(out _);
        const string answer = "Nothing to restore here: Int32, Item1, x86, v2.0, Class 1, Class01, subclass1x.";
        var restored = session.Unmask(answer);
        Assert.Same(answer, restored.Text);
        Assert.Equal(0, restored.Restored);
        Assert.Same(string.Empty, session.Unmask(string.Empty).Text);
    }

    [Fact]
    public void Placeholder_lookalikes_in_the_input_never_collide_with_pseudonyms()
    {
        var session = new MaskingSession();
        var first = session.Mask("// See Class1 and Method2 in the old design.\nclass Invoice { void Issue() { } }", MaskKind.CSharp).Text;
        Assert.Contains("See Class1 and Method2", first); // reserved: numbers 1 and 2 are never handed out
        Assert.DoesNotContain("class Class1 ", first);

        var invoice = System.Text.RegularExpressions.Regex.Match(first, @"class (\w+)").Groups[1].Value;
        var second = session.Mask($"The word {invoice} appears in our docs.", MaskKind.PlainText).Text;
        Assert.DoesNotContain(invoice, second); // the user's own "ClassN" text is masked so it cannot be mistaken for Invoice

        Assert.Equal("// See Class1 and Method2 in the old design.\nclass Invoice { void Issue() { } }", session.Unmask(first).Text);
        Assert.Equal($"The word {invoice} appears in our docs.", session.Unmask(second).Text);
    }

    [Fact]
    public void Secrets_come_back_with_or_without_their_brackets()
    {
        var session = new MaskingSession();
        var key = CodeLeakGuard.Tests.Shared.FakeSecrets.GitHubToken;
        var masked = session.Mask($"token = \"{key}\"", MaskKind.PlainText).Text;
        var placeholder = System.Text.RegularExpressions.Regex.Match(masked, "<secret:(GitHubToken[0-9]+)>");
        Assert.True(placeholder.Success, masked);

        var restored = session.Unmask($"use {placeholder.Value} or {placeholder.Groups[1].Value}");
        Assert.Equal($"use {key} or {key}", restored.Text);
        Assert.Equal(UnmaskIssueKind.AlteredRestored, Assert.Single(restored.Issues).Kind);
    }
}
