using System.Text;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>
/// A sample repository for <c>export-ignore</c> in a temporary folder: a policy with <c>proprietary path
/// src/Pricing/**</c> and <c>proprietary path *.secret.cs</c>, one file per in-source marker, ordinary files, and
/// proprietary-looking files in folders the export skips.
/// </summary>
internal sealed class ExportSample : IDisposable
{
    public const string Policy = """
        # Contoso: proprietary code
        proprietary path src/Pricing/**
        proprietary path *.secret.cs
        """;

    /// <summary>Every file the export may write.</summary>
    public static readonly string[] OutputFiles =
    {
        ".aiexclude", ".geminiignore", ".cursorignore", ".aiignore", ".codeiumignore", ".aiderignore", ".continueignore",
        ".github/copilot-content-exclusion.yml", ".claude/settings.json", ".claude/codeleakguard.generated.json",
    };

    private readonly TempDirectory _dir = new();

    public ExportSample(bool withSources = true)
    {
        Write("codeleakguard.policy", Policy);
        if (!withSources)
        {
            return;
        }

        // Covered by the policy globs: exported through the globs, not one by one.
        Write("src/Pricing/PriceEngine.cs", "namespace Contoso.Pricing;\n\npublic sealed class PriceEngine\n{\n    public decimal Margin => 0.42m;\n}\n");
        Write("src/App/ApiKeys.secret.cs", "namespace Contoso.App;\n\ninternal static class ApiKeys\n{\n}\n");

        // One file per in-source marker.
        Write("src/Billing/Discounts.cs", """
            namespace Contoso.Billing;

            [Proprietary("volume discount formula")]
            public sealed class Discounts
            {
                public decimal For(int quantity) => quantity > 100 ? 0.1m : 0m;
            }
            """);
        Write("src/Orders/OrderScoring.cs", """
            namespace Contoso.Orders;

            public sealed class OrderScoring
            {
            #region Proprietary: scoring weights
                private const double Weight = 0.37;
            #endregion

                public double Score(double value) => value * Weight;
            }
            """);
        Write("src/Legacy/TaxTables.cs", """
            namespace Contoso.Legacy;

            public static class TaxTables
            {
                // codeleakguard:proprietary-begin
                public static readonly double[] Rates = { 0.07, 0.19 };
                // codeleakguard:proprietary-end
            }
            """);

        // Ordinary files.
        Write("src/App/Program.cs", "namespace Contoso.App;\n\npublic static class Program\n{\n    public static void Main() { }\n}\n");
        Write("src/App/README.md", "The app.\n");
        Write("src/Orders/Order.cs", "namespace Contoso.Orders;\n\n// Not proprietary: an ordinary record.\npublic sealed record Order(int Id);\n");

        // Marked, but in folders the export skips.
        Write("bin/Debug/Generated.cs", "[Proprietary] class Generated { }\n");
        Write("src/App/obj/Debug/Temp.cs", "[Proprietary] class Temp { }\n");
        Write("node_modules/pkg/Vendored.cs", "[Proprietary] class Vendored { }\n");
        Write(".git/hooks/Hook.cs", "[Proprietary] class Hook { }\n");
    }

    public string Root => _dir.Path;

    public void Write(string relativePath, string content) => _dir.Write(relativePath, content);

    public void WriteBytes(string relativePath, byte[] content)
    {
        var full = FullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, content);
    }

    public string Read(string relativePath) => File.ReadAllText(FullPath(relativePath), Encoding.UTF8);

    public bool Exists(string relativePath) => File.Exists(FullPath(relativePath));

    public void Delete(string relativePath) => File.Delete(FullPath(relativePath));

    public CliResult Export(params string[] options) => CliRunner.Run(new[] { "export-ignore", Root }.Concat(options).ToArray());

    /// <summary>Every file of the repository and its bytes, to prove what a run did not touch.</summary>
    public SortedDictionary<string, byte[]> Snapshot() =>
        new(Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(Root, f).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);

    public void Dispose() => _dir.Dispose();

    /// <summary>Asserts two snapshots hold the same files with the same bytes.</summary>
    public static void AssertSame(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} changed");
        }
    }

    /// <summary>Test text with "\n" line endings whatever the checkout did to this source file.</summary>
    public static string Lf(string text) => text.ReplaceLineEndings("\n");

    private string FullPath(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
