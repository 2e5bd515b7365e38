namespace CodeLeakGuard.Cli.Tests;

public class UnusedAllowanceTests
{
    [Fact]
    public void An_allow_line_that_matches_no_scanned_package_is_a_warning_at_its_line()
    {
        using var dir = new TempDirectory();
        dir.Write("codeleakguard.policy", "# approvals\nallow package OpenAI\nallow package Contoso.Retired.Ai wraps=Anthropic\n");
        dir.Write("App/App.csproj", """
            <Project Sdk="Microsoft.NET.Sdk">
              <ItemGroup>
                <PackageReference Include="OpenAI" Version="2.15.0" />
              </ItemGroup>
            </Project>
            """);
        dir.Write("App/Program.cs", "class Program { }");

        var result = CliRunner.Run("scan", dir.Path);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("CLG1011", result.Stdout);
        Assert.Contains("codeleakguard.policy:3", result.Stdout);
        Assert.Contains("Contoso.Retired.Ai", result.Stdout);
        Assert.DoesNotContain("codeleakguard.policy:2", result.Stdout);
    }
}
