using System.Text.Json;

namespace CodeLeakGuard.Cli.Tests;

public class SarifOutputTests
{
    private const string EndpointSource = """
        using System.Net.Http;
        using System.Threading.Tasks;

        class Client
        {
            const string Url = "https://api.openai.com/v1/chat/completions";

            Task<HttpResponseMessage> Send(HttpClient http) => http.PostAsync(Url, null);
        }
        """;

    [Fact]
    public void Sarif_file_is_valid_2_1_0_with_the_endpoint_result_and_its_rule()
    {
        using var dir = new TempDirectory();
        dir.Write("Net/Client.cs", EndpointSource);
        var sarifPath = Path.Combine(dir.Path, "out", "scan.sarif");

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif", "--output", sarifPath);

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(File.ReadAllText(sarifPath));
        Assert.Equal("2.1.0", log.RootElement.GetProperty("version").GetString());
        Assert.Contains("sarif", log.RootElement.GetProperty("$schema").GetString());

        var run = Sarif.Run(log);
        var driver = run.GetProperty("tool").GetProperty("driver");
        Assert.Equal("CodeLeakGuard", driver.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(driver.GetProperty("version").GetString()));
        Assert.StartsWith("https://", driver.GetProperty("informationUri").GetString());
        Assert.EndsWith("/", run.GetProperty("originalUriBaseIds").GetProperty("SRCROOT").GetProperty("uri").GetString());

        var endpoint = Assert.Single(Sarif.Results(log));
        Assert.Equal("CLG1003", endpoint.GetProperty("ruleId").GetString());
        Assert.Equal("error", endpoint.GetProperty("level").GetString());
        Assert.Contains("api.openai.com", endpoint.GetProperty("message").GetProperty("text").GetString());

        var location = endpoint.GetProperty("locations")[0].GetProperty("physicalLocation");
        Assert.Equal("Net/Client.cs", location.GetProperty("artifactLocation").GetProperty("uri").GetString());
        Assert.Equal("SRCROOT", location.GetProperty("artifactLocation").GetProperty("uriBaseId").GetString());
        var region = location.GetProperty("region");
        Assert.Equal(6, region.GetProperty("startLine").GetInt32());
        Assert.Equal(6, region.GetProperty("endLine").GetInt32());
        var line = EndpointSource.Split('\n')[5];
        var startColumn = line.IndexOf("https://", StringComparison.Ordinal) + 1;
        Assert.Equal(startColumn, region.GetProperty("startColumn").GetInt32());
        Assert.Equal(startColumn + "https://api.openai.com/v1/chat/completions".Length, region.GetProperty("endColumn").GetInt32());

        var rules = Sarif.Rules(log);
        var rule = rules[endpoint.GetProperty("ruleIndex").GetInt32()];
        Assert.Equal("CLG1003", rule.GetProperty("id").GetString());
        Assert.EndsWith("docs/rules/CLG1003.md", rule.GetProperty("helpUri").GetString());
        Assert.Equal("error", rule.GetProperty("defaultConfiguration").GetProperty("level").GetString());
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("name").GetString()));
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("shortDescription").GetProperty("text").GetString()));
        Assert.False(string.IsNullOrEmpty(rule.GetProperty("fullDescription").GetProperty("text").GetString()));
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "CLG1001");
        Assert.Contains(rules, r => r.GetProperty("id").GetString() == "CLG9001");
    }

    [Fact]
    public void Sarif_without_output_goes_to_stdout_alone()
    {
        using var dir = new TempDirectory();
        dir.Write("Ai.cs", "using Anthropic;\nclass Ai { }\n");

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        Assert.True(result.ExitCode == 1, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(Sarif.Results(log));
        Assert.Equal("CLG1001", finding.GetProperty("ruleId").GetString());
        Assert.Equal("Ai.cs", Sarif.Uri(finding));
        Assert.Equal(1, Sarif.Region(finding).GetProperty("startLine").GetInt32());
        Assert.Equal(7, Sarif.Region(finding).GetProperty("startColumn").GetInt32());
    }

    [Fact]
    public void Clean_scan_writes_sarif_with_no_results_and_exits_0()
    {
        using var dir = new TempDirectory();
        dir.Write("Plain.cs", "class Plain { }");

        var result = CliRunner.Run("scan", dir.Path, "--format", "SARIF");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var log = JsonDocument.Parse(result.Stdout);
        Assert.Empty(Sarif.Results(log));
        Assert.NotEmpty(Sarif.Rules(log));
    }

    [Fact]
    public void Paths_with_spaces_are_escaped_relative_uris()
    {
        using var dir = new TempDirectory();
        dir.Write("My Folder/Leak File.cs", "using OpenAI;\nclass Leak { }\n");

        var result = CliRunner.Run("scan", dir.Path, "--format", "sarif");

        using var log = JsonDocument.Parse(result.Stdout);
        Assert.Equal("My%20Folder/Leak%20File.cs", Sarif.Uri(Assert.Single(Sarif.Results(log))));
    }
}
