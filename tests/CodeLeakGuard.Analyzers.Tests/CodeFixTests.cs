using CodeLeakGuard.Analyzers.BannedSdk;
using CodeLeakGuard.Analyzers.Endpoints;
using CodeLeakGuard.Analyzers.Tests.Verifiers;
using CodeLeakGuard.CodeFixes;

namespace CodeLeakGuard.Analyzers.Tests;

public class CodeFixTests
{
    [Fact]
    public Task Banned_using_is_removed() => new CodeFixTest<BannedSdkUsageAnalyzer, RemoveBannedUsingCodeFixProvider>
    {
        Markup = """
            using System;
            using OpenAI.Chat;
            using System.Text;

            class C { }
            """,
        FixedSource = """
            using System;
            using System.Text;

            class C { }
            """,
    }.RunAsync();

    [Fact]
    public async Task No_removal_is_offered_for_a_use_outside_a_using_directive()
    {
        var test = new CodeFixTest<BannedSdkUsageAnalyzer, RemoveBannedUsingCodeFixProvider>
        {
            Markup = "class C { OpenAI.Chat.ChatClient? _client; }",
        };

        Assert.Empty(await test.GetOfferedActionsAsync());
    }

    [Fact]
    public Task Banned_endpoint_is_replaced_by_the_approved_one_keeping_the_path() => new CodeFixTest<AiEndpointAnalyzer, ReplaceBannedEndpointCodeFixProvider>
    {
        References = TestReferences.Runtime,
        AdditionalFiles = [("/repo/codeleakguard.policy", "approve endpoint https://ai.contoso.internal/anthropic\n")],
        Markup = """
            class C
            {
                const string Url = "https://api.anthropic.com/v1/messages";
            }
            """,
        FixedSource = """
            class C
            {
                const string Url = "https://ai.contoso.internal/anthropic/v1/messages";
            }
            """,
    }.RunAsync();

    [Fact]
    public Task A_bare_host_is_replaced_by_the_approved_host() => new CodeFixTest<AiEndpointAnalyzer, ReplaceBannedEndpointCodeFixProvider>
    {
        References = TestReferences.Runtime,
        AdditionalFiles = [("/repo/codeleakguard.policy", "approve endpoint https://ai.contoso.internal\n")],
        Markup = """
            class C
            {
                const string Host = "api.openai.com";
            }
            """,
        FixedSource = """
            class C
            {
                const string Host = "ai.contoso.internal";
            }
            """,
    }.RunAsync();

    [Fact]
    public async Task No_replacement_is_offered_without_an_approved_endpoint()
    {
        var test = new CodeFixTest<AiEndpointAnalyzer, ReplaceBannedEndpointCodeFixProvider>
        {
            References = TestReferences.Runtime,
            Markup = "class C { const string Url = \"https://api.openai.com/v1\"; }",
        };

        Assert.Empty(await test.GetOfferedActionsAsync());
    }
}
