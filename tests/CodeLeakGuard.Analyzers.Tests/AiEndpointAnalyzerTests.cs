using CodeLeakGuard.Analyzers.Endpoints;
using CodeLeakGuard.Analyzers.Tests.Verifiers;

namespace CodeLeakGuard.Analyzers.Tests;

public class AiEndpointAnalyzerTests
{
    private static Task Verify(string markup, params (string Path, string Text)[] policy) =>
        new AnalyzerTest<AiEndpointAnalyzer> { Markup = markup, AdditionalFiles = policy, References = TestReferences.Runtime }.RunAsync();

    [Fact]
    public Task Literals_of_every_kind_are_reported() => Verify(""""
        using System;
        using System.Net.Http;

        class C
        {
            const string Messages = "{|CLG1003:https://api.anthropic.com/v1/messages|}";
            static readonly Uri Chat = new Uri(@"{|CLG1003:https://API.OpenAI.com/v1/chat/completions|}");
            static readonly string Raw = """{|CLG1003:https://api.mistral.ai/v1/chat|}""";
            static readonly byte[] Utf8 = "{|CLG1003:https://api.groq.com/openai/v1|}"u8.ToArray();

            void M(HttpClient http, string model)
            {
                http.BaseAddress = new Uri("{|CLG1003:https://contoso-eu.openai.azure.com/|}");
                var url = $"{|CLG1003:https://generativelanguage.googleapis.com/v1beta/models/|}{model}:generateContent";
                var builder = new UriBuilder("https", "{|CLG1003:bedrock-runtime.us-east-1.amazonaws.com|}");
            }
        }
        """");

    [Fact]
    public Task Concatenated_constants_that_fold_into_an_endpoint_are_reported() => Verify("""
        class C
        {
            const string OpenAiHost = {|CLG1003:"api." + "openai.com"|};
            const string Url = {|CLG1003:"https://" + OpenAiHost + "/v1"|};
            string M() => {|CLG1003:"https://api." + "anthropic.com/v1/messages"|};
            int Sum(int a, int b) => a + b;
            string Message(string name) => "Hello " + name + ", OpenAI is not used here.";
        }
        """);

    [Fact]
    public Task Constants_fold_through_member_access_interpolation_and_conditionals() => Verify("""
        static class Hosts { public const string Anthropic = {|CLG1003:"api." + "anthropic.com"|}; }
        class C
        {
            const bool Eu = false;
            const string A = {|CLG1003:$"https://{Hosts.Anthropic}/v1"|};
            const string B = {|CLG1003:"https://" + (Eu ? "eu.example" : Hosts.Anthropic)|};
            string D(string path) => "https://" + Hosts.Anthropic.ToLowerInvariant() + path;
        }
        """);

    [Fact]
    public Task Comments_marketing_sites_docs_loopback_and_approved_endpoints_are_not_reported() => Verify("""
        class C
        {
            // Calls https://api.openai.com/v1/chat/completions in the old version.
            /// <summary>See https://api.anthropic.com/v1/messages.</summary>
            string[] Urls = new[]
            {
                "https://www.anthropic.com/news",
                "https://docs.anthropic.com/en/api/messages",
                "https://openai.com/index",
                "https://platform.openai.com/docs",
                "http://localhost:11434/api/chat",
                "http://127.0.0.1:8080/v1/messages",
                "https://ai.contoso.internal/v1/messages",
                "OpenAI.Chat.ChatClient",
                "Talk to Claude or OpenAI via the gateway.",
                "mailto:someone@anthropic.com",
                "https://openrouter.ai/models",
            };
        }
        """,
        ("/repo/codeleakguard.policy", "approve endpoint https://ai.contoso.internal\n"));

    [Fact]
    public Task Path_prefixed_endpoints_only_match_their_api_path() => Verify("""
        class C
        {
            string Api = "{|CLG1003:https://openrouter.ai/api/v1/chat/completions|}";
            string Site = "https://openrouter.ai/docs";
        }
        """);

    [Fact]
    public Task Policy_bans_and_allows_endpoints_with_wildcards() => Verify("""
        class C
        {
            string Internal = "{|CLG1003:https://llm.shadow-it.example/v1|}";
            string Approved = "https://contoso.openai.azure.com/openai/deployments";
            string Other = "{|CLG1003:https://fabrikam.openai.azure.com/openai/deployments|}";
        }
        """,
        ("/repo/codeleakguard.policy", "ban endpoint *.shadow-it.example\nallow endpoint contoso.openai.azure.com\n"));

    [Fact]
    public async Task Diagnostic_carries_the_approved_endpoint_for_the_code_fix()
    {
        var test = new AnalyzerTest<AiEndpointAnalyzer>
        {
            Markup = "class C { string U = \"https://api.openai.com/v1/chat/completions\"; }",
            References = TestReferences.Runtime,
            AdditionalFiles = [("/repo/codeleakguard.policy", "approve endpoint https://ai.contoso.internal/openai\n")],
        };

        var diagnostic = Assert.Single(await test.GetDiagnosticsAsync());
        Assert.Equal("https://ai.contoso.internal/openai", diagnostic.Properties[AiEndpointAnalyzer.ApprovedEndpointProperty]);
        Assert.Contains("endpoint 'api.openai.com'", diagnostic.GetMessage());
    }
}
