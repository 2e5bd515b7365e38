using System.Text.RegularExpressions;
using CodeLeakGuard.Masking.Identifiers;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// After masking, no name the code base declares (types, namespaces, members) appears anywhere, except the ones kept
/// on purpose because the framework has them too; no planted secret appears; no withheld code appears.
/// </summary>
public class NoLeakTests
{
    [Fact]
    public void Masking_file_by_file_in_fresh_sessions_leaks_no_code_like_name()
    {
        // Alone, a file cannot know that "Customer" in a sentence is a class declared elsewhere; compounds it must.
        var leaks = new List<string>();
        foreach (var (path, text) in TestCodeBase.Files)
        {
            var masked = new MaskingSession(new MaskingOptions { Policy = TestPolicies.Contoso }).Mask(text, MaskKind.CSharp, path).Text;
            leaks.AddRange(LeakedNames(masked).Where(name => name.Skip(1).Any(char.IsUpper)).Select(name => $"{path}: {name}"));
        }

        Assert.True(leaks.Count == 0, "leaked:\n  " + string.Join("\n  ", leaks));
    }

    [Fact]
    public void Masking_the_code_base_as_one_batch_leaks_no_name_secret_or_withheld_code()
    {
        var session = new MaskingSession(new MaskingOptions { Policy = TestPolicies.Contoso });
        var results = session.Mask(TestCodeBase.Files.Select(f => new MaskRequest(f.Text, MaskKind.CSharp, f.Path)));
        var masked = string.Join("\n", results.Select(r => r.Text));

        Assert.Empty(LeakedNames(masked));
        Assert.All(TestCodeBase.PlantedSecrets, secret => Assert.DoesNotContain(secret, masked));
        foreach (var withheld in new[] { "725 +", "0.983m", "1.35", "0.042", "Math.Sqrt", "1.11m", "ranking weights" })
        {
            Assert.DoesNotContain(withheld, masked);
        }

        Assert.DoesNotContain("Contoso", masked, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Names_kept_as_framework_names_are_really_framework_names()
    {
        var session = new MaskingSession();
        var masked = session.Mask(TestCodeBase.Text("Services/OrderService.cs"), MaskKind.CSharp).Text;
        foreach (var kept in new[] { "Task", "CancellationToken", "ConfigureAwait", "Guid", "NewGuid", "Where", "OrderByDescending", "Select", "ToList", "IReadOnlyCollection" })
        {
            Assert.Matches($@"\b{kept}\b", masked);
        }

        Assert.DoesNotMatch(@"\bOrderService\b|\bPlaceOrderAsync\b|\bCartItem\b|\bPriceList\b", masked);
    }

    /// <summary>Declared names that appear as a whole word and are neither framework names nor keywords.</summary>
    internal static IEnumerable<string> LeakedNames(string masked) =>
        TestCodeBase.DeclaredNames()
            .Where(name => !IsKeptOnPurpose(name))
            .Where(name => Regex.IsMatch(masked, $@"(?<![\w@]){Regex.Escape(name)}(?!\w)"))
            .OrderBy(name => name, StringComparer.Ordinal);

    private static bool IsKeptOnPurpose(string name) =>
        LanguageWords.IsKeyword(name) || name == "ProprietaryAttribute" || name == "Proprietary"
        || FrameworkNames.Lookup(name) != FrameworkNameKind.None;
}
