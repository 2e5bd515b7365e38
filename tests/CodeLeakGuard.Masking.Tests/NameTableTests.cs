using CodeLeakGuard.Masking.Session;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The map of names searched by slices of a larger text (session names, policy names, a code block's facts).</summary>
public class NameTableTests
{
    [Fact]
    public void Names_are_found_by_a_slice_of_any_text_and_only_whole()
    {
        var table = new NameTable<string>();
        table.Add("InvoiceSplitter", "first");
        table.Add("Invoice", "second");
        const string text = "new InvoiceSplitter(Invoice x)";

        Assert.True(table.TryGetValue(text, 4, 15, out var splitter));
        Assert.Equal("first", splitter);
        Assert.True(table.TryGetValue(text, 20, 7, out var invoice));
        Assert.Equal("second", invoice);
        Assert.False(table.TryGetValue(text, 4, 14, out _)); // "InvoiceSplitte"
        Assert.False(table.TryGetValue("invoice", out _));
    }

    [Fact]
    public void Ignoring_case_finds_every_spelling()
    {
        var table = new NameTable<string>(ignoreCase: true);
        table.Add("Contoso", "term");

        Assert.True(table.TryGetValue("https://api.CONTOSO.com", 12, 7, out var term));
        Assert.Equal("term", term);
        Assert.True(table.TryGetValue("contoso", out _));
        Assert.False(table.TryGetValue("contosos", out _));
    }

    [Fact]
    public void A_name_added_again_is_found_with_its_newest_value_and_both_are_kept_in_order()
    {
        var table = new NameTable<string>(ignoreCase: true);
        table.Add("Contoso", "first");
        table.Add("Fabrikam", "other");
        table.Add("contoso", "second");

        Assert.True(table.TryGetValue("CONTOSO", out var value));
        Assert.Equal("second", value);
        Assert.Equal(new[] { "first", "other", "second" }, table.Values);
        Assert.Equal(3, table.Count);
    }

    [Fact]
    public void Thousands_of_names_beyond_the_capacity_given_are_all_found()
    {
        var table = new NameTable<string>(capacity: 4);
        var names = Enumerable.Range(0, 5_000).Select(i => "Name" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        foreach (var name in names)
        {
            table.Add(name, name.ToUpperInvariant());
        }

        Assert.All(names, name => Assert.True(table.TryGetValue(name, out var value) && value == name.ToUpperInvariant(), name));
        Assert.False(table.TryGetValue("Name5000", out _));
        Assert.Equal(names.Select(n => n.ToUpperInvariant()), table.Values);
    }
}
