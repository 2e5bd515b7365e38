namespace CodeLeakGuard.Cli.Tests;

/// <summary><c>codeleakguard scan</c> reports hard-coded credentials (CLG3001) with the same rules the masker uses.</summary>
public class SecretScanTests
{
    [Fact]
    public void Scan_reports_a_hard_coded_token_by_kind_and_never_prints_its_value()
    {
        using var dir = new TempDirectory();
        var token = "ghp_" + RandomToken(36);
        dir.Write("src/Deploy.cs", $$"""
            class Deploy
            {
                const string Token = "{{token}}";
                string Message = "deploying with the token from the vault";
            }
            """);

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("CLG3001", result.Stdout);
        Assert.Contains("src/Deploy.cs:3:", result.Stdout);
        Assert.DoesNotContain(token, result.Stdout + result.Stderr);
    }

    [Fact]
    public void Scan_of_code_without_credentials_reports_no_secret()
    {
        using var dir = new TempDirectory();
        dir.Write("src/Hashes.cs", """
            class Hashes
            {
                const string EmptySha256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
                const string Placeholder = "your-api-key-here";
            }
            """);

        var result = CliRunner.Run("scan", dir.Path);

        Assert.DoesNotContain("CLG3001", result.Stdout);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    private static string RandomToken(int length)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        var random = new Random(20261123);
        return new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
    }
}
