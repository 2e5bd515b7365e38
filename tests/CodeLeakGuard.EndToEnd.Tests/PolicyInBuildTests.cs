namespace CodeLeakGuard.EndToEnd.Tests;

/// <summary>Policy features in real builds: version ranges, allow-list mode, wrappers, severities, bad policies, policy packages.</summary>
[Collection(PackageFeedCollection.Name)]
public class PolicyInBuildTests(PackageFeedFixture feed)
{
    [Fact]
    public void A_version_range_bans_some_versions_only()
    {
        var allowed = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            """);
        allowed.Write("codeleakguard.policy", "ban package Newtonsoft.Json [12.0,13.0) reason=\"old versions deserialize unsafely\"\n");
        var banned = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            """);
        banned.Write("codeleakguard.policy", "ban package Newtonsoft.Json [13.0,14.0) reason=\"old versions deserialize unsafely\"\n");

        var allowedResult = allowed.Build();
        var bannedResult = banned.Build();

        Assert.True(allowedResult.ExitCode == 0, allowedResult.Output);
        Assert.Contains("old versions deserialize unsafely", Assert.Single(bannedResult.Diagnostics("error CLG1010")));
    }

    [Fact]
    public void Allow_list_mode_requires_ai_packages_to_be_listed()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Microsoft.Extensions.AI.Abstractions" Version="10.5.1" />
            """);
        project.Write("codeleakguard.policy", "set mode=allowlist\n");

        var unlisted = project.Build();
        project.Write("codeleakguard.policy", "set mode=allowlist\nallow package Microsoft.Extensions.AI.Abstractions\n");
        var listed = project.Build();

        Assert.Contains("allow-list mode", Assert.Single(unlisted.Diagnostics("error CLG1010")));
        Assert.True(listed.ExitCode == 0, listed.Output);
    }

    [Fact]
    public void An_approved_wrapper_lifts_the_ban_on_what_it_wraps()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Contoso.AI.Client" Version="1.0.0" />
            """);

        var unapproved = project.Build();
        project.Write("codeleakguard.policy", "allow package Contoso.AI.Client wraps=OpenAI reason=\"vetted wrapper\"\n");
        var approved = project.Build();

        Assert.Contains("'Contoso.AI.Client' 1.0.0 -> 'OpenAI' 2.15.0", Assert.Single(unapproved.Diagnostics("error CLG1010")));
        Assert.True(approved.ExitCode == 0, approved.Output);
        Assert.Empty(approved.Diagnostics("error CLG1002"));
    }

    [Fact]
    public void A_wrapper_does_not_excuse_a_direct_reference()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Contoso.AI.Client" Version="1.0.0" />
            <PackageReference Include="OpenAI" Version="2.15.0" />
            """);
        project.Write("codeleakguard.policy", "allow package Contoso.AI.Client wraps=OpenAI\n");

        var result = project.Build();

        Assert.Contains($"'{project.Name}' -> 'OpenAI' 2.15.0", Assert.Single(result.Diagnostics("error CLG1010")));
    }

    [Fact]
    public void An_entry_with_severity_warning_lets_the_build_pass_with_the_warning()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            """);
        project.Write("codeleakguard.policy", "ban package Newtonsoft.Json severity=warning reason=\"being phased out\"\n");

        var result = project.Build();

        Assert.True(result.ExitCode == 0, result.Output);
        Assert.Contains("being phased out", Assert.Single(result.Diagnostics("warning CLG1010")));
    }

    [Fact]
    public void A_malformed_policy_fails_the_build_at_file_and_line()
    {
        var project = feed.NewProject().WithProject(feed.NewProject().CodeLeakGuardReference);
        project.Write("codeleakguard.policy", "# policy\nban pakage OpenAI\n");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("codeleakguard.policy(2,5): error CLG9001", Assert.Single(result.Diagnostics("error CLG9001")));
    }

    [Fact]
    public void A_named_policy_file_that_is_missing_is_an_error()
    {
        var project = feed.NewProject().WithProject(
            feed.NewProject().CodeLeakGuardReference,
            "<TargetFramework>net10.0</TargetFramework><CodeLeakGuardPolicyFile>policies/missing.clgpolicy</CodeLeakGuardPolicyFile>");

        var result = project.Build();

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("missing.clgpolicy", Assert.Single(result.Diagnostics("error CLG9003")));
    }

    [Fact]
    public void An_internal_policy_package_turns_everything_on_with_its_policy()
    {
        var project = feed.NewProject().WithProject($"""
            <PackageReference Include="Contoso.AiPolicy" Version="{feed.Version}" />
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            """);

        var result = project.Build();

        var error = Assert.Single(result.Diagnostics("error CLG1010"));
        Assert.Contains("Contoso mandates System.Text.Json", error);
        Assert.Contains("Use Contoso.AI.Gateway instead", error);
    }

    [Fact]
    public void A_no_op_rebuild_does_not_read_the_restore_graph_again()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="Newtonsoft.Json" Version="13.0.3" />
            """);

        var first = project.Build();
        var second = project.Build("--no-restore");
        project.Write("codeleakguard.policy", "ban package Newtonsoft.Json severity=warning\n");
        var afterPolicyChange = project.Build("--no-restore");

        // The no-op build skips the check's target altogether (its inputs are older than its clean stamp).
        Assert.Contains("CodeLeakGuard package check: read the restore graph", first.Output);
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("CodeLeakGuard package check", second.Output);
        Assert.Contains("CodeLeakGuard package check: read the restore graph", afterPolicyChange.Output);
        Assert.Single(afterPolicyChange.Diagnostics("warning CLG1010"));
    }

    [Fact]
    public void A_failing_project_still_fails_on_a_no_op_rebuild()
    {
        var project = feed.NewProject().WithProject($"""
            {feed.NewProject().CodeLeakGuardReference}
            <PackageReference Include="OpenAI" Version="2.15.0" />
            """);

        project.Build();
        var again = project.Build("--no-restore");

        Assert.NotEqual(0, again.ExitCode);
        Assert.Single(again.Diagnostics("error CLG1010"));
    }
}
