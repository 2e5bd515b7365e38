using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>The framework-name table answers exactly as a dictionary of the same names would: nothing kept by mistake.</summary>
public class CompactNameTableTests
{
    [Fact]
    public void Every_name_is_found_with_its_value_and_no_other_name_is()
    {
        var random = new Random(20261123);
        var entries = new Dictionary<string, byte>(StringComparer.Ordinal);
        while (entries.Count < 40_000)
        {
            entries[Name(random)] = (byte)random.Next(1, 16);
        }

        var table = new CompactNameTable(entries);

        Assert.Equal(entries.Count, table.Count);
        Assert.All(entries, pair => Assert.Equal((true, pair.Value), (table.TryGetValue(pair.Key, out var value), value)));
        var others = Enumerable.Range(0, 40_000).Select(_ => Name(random))
            .Concat(entries.Keys.Take(2_000).SelectMany(name => new[] { name + "x", name.ToUpperInvariant(), name[..^1], "_" + name }))
            .Concat(new[] { string.Empty, "\0" })
            .Where(name => !entries.ContainsKey(name));
        Assert.All(others, name => Assert.False(table.TryGetValue(name, out _), name));
    }

    [Fact]
    public void An_empty_table_finds_nothing()
    {
        var table = new CompactNameTable(new Dictionary<string, byte>());

        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue("String", out _));
    }

    [Theory]
    [InlineData("String", "Type, Member, Parameter")]
    [InlineData("WriteLine", "Member")]
    [InlineData("string", "Parameter")]
    [InlineData("OrderPricingEngine", "None")]
    public void The_framework_names_are_looked_up_in_it(string name, string expected)
    {
        Assert.Equal(expected, FrameworkNames.Lookup(name).ToString());
    }

    private static string Name(Random random)
    {
        var chars = new char[random.Next(1, 24)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_"[random.Next(63)];
        }

        return new string(chars);
    }
}
