using System.Text.Json.Nodes;
using CodeLeakGuard.Cli.Export;

namespace CodeLeakGuard.Cli.Tests;

/// <summary>The merge into Claude Code's settings, without the file system.</summary>
public class ClaudeSettingsMergerTests
{
    private static readonly string[] Rules = { "Read(/src/Pricing/**)", "Edit(/src/Pricing/**)" };

    [Fact]
    public void New_settings_hold_only_the_rules_and_the_ledger_lists_them()
    {
        var merge = ClaudeSettingsMerger.Merge(null, null, Rules);

        Assert.Null(merge.Error);
        Assert.Equal(Rules, Deny(merge.Settings!));
        Assert.Equal(Rules, Deny(merge.Ledger!, inPermissions: false));
    }

    [Fact]
    public void Nothing_to_add_and_no_file_creates_nothing()
    {
        var merge = ClaudeSettingsMerger.Merge(null, null, Array.Empty<string>());

        Assert.Null(merge.Settings);
        Assert.Null(merge.Ledger);
    }

    [Fact]
    public void Users_own_copy_of_a_rule_survives_when_the_policy_drops_it()
    {
        const string settings = "{ \"permissions\": { \"deny\": [ \"Read(/src/Pricing/**)\" ] } }";
        var first = ClaudeSettingsMerger.Merge(settings, null, Rules);
        Assert.Equal(new[] { "Edit(/src/Pricing/**)" }, Deny(first.Ledger!, inPermissions: false));

        var second = ClaudeSettingsMerger.Merge(first.Settings, first.Ledger, Array.Empty<string>());

        Assert.Null(second.Error);
        Assert.Equal(new[] { "Read(/src/Pricing/**)" }, Deny(second.Settings!));
        Assert.Null(second.Ledger);
    }

    [Fact]
    public void Items_that_are_not_strings_are_kept_where_they_were()
    {
        const string settings = "{ \"permissions\": { \"deny\": [ 42, \"Bash(curl:*)\", { \"odd\": true } ] } }";

        var merge = ClaudeSettingsMerger.Merge(settings, null, Rules);

        var deny = JsonNode.Parse(merge.Settings!)!["permissions"]!["deny"]!.AsArray();
        Assert.Equal("[42,\"Bash(curl:*)\",{\"odd\":true},\"Read(/src/Pricing/**)\",\"Edit(/src/Pricing/**)\"]", deny.ToJsonString());
    }

    [Fact]
    public void Removing_the_last_generated_rules_removes_the_deny_list_and_permissions_they_created()
    {
        var first = ClaudeSettingsMerger.Merge("{ \"model\": \"opus\" }\n", null, Rules);

        var second = ClaudeSettingsMerger.Merge(first.Settings, first.Ledger, Array.Empty<string>());

        Assert.Equal("{\n  \"model\": \"opus\"\n}\n", second.Settings);
    }

    [Theory]
    [InlineData("[]", "is not a JSON object")]
    [InlineData("{ \"permissions\": [] }", "has a \"permissions\" value that is not an object")]
    [InlineData("{ \"a\": 1, }", "is not valid JSON")]
    [InlineData("{ \"a\": 1, \"a\": 2 }", "is not valid JSON")]
    public void Malformed_settings_are_reported_and_left_alone(string settings, string problem)
    {
        var merge = ClaudeSettingsMerger.Merge(settings, null, Rules);

        Assert.StartsWith($".claude/settings.json {problem}", merge.Error);
        Assert.Same(settings, merge.Settings);
    }

    private static IEnumerable<string> Deny(string json, bool inPermissions = true)
    {
        var root = JsonNode.Parse(json)!;
        var deny = inPermissions ? root["permissions"]!["deny"]! : root["deny"]!;
        return deny.AsArray().Select(n => n!.GetValue<string>());
    }
}
