using CodeLeakGuard.Masking.Text;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>A masked region copied into the text around it reads as if replaced by its string.</summary>
public class MaskedTextTests
{
    [Fact]
    public void A_masked_region_is_copied_in_where_it_came_from()
    {
        const string text = "See `Ledger`:\nclass Ledger { int Total; }\nand Ledger again.";
        var code = text.Substring(14, 27);
        var region = new MaskedText(code, 0, code.Length);
        region.Replace(6, 12, "Class1");
        region.Replace(19, 24, "Field2");
        var output = new MaskedText(text, 0, text.Length);
        output.Replace(5, 11, "Class1");

        output.Replace(14, 41, region);
        output.Replace(46, 52, "Class1");

        Assert.Equal("See `Class1`:\nclass Class1 { int Field2; }\nand Class1 again.", output.ToString());
    }

    [Fact]
    public void A_region_with_nothing_replaced_copies_through_and_an_out_of_order_one_is_refused()
    {
        const string text = "one two three";
        var output = new MaskedText(text, 0, text.Length);
        output.Replace(4, 7, new MaskedText("two", 0, 3));

        Assert.Throws<InvalidOperationException>(() => output.Replace(0, 3, new MaskedText("one", 0, 3)));
        Assert.Equal(text, output.ToString());
    }
}
