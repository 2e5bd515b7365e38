using CodeLeakGuard.Catalog;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Core.Tests;

public class AiPolicyTests
{
    [Theory]
    [InlineData("Anthropic")]
    [InlineData("OpenAI")]
    [InlineData("Azure OpenAI")]
    [InlineData("Google Gemini / Vertex AI")]
    [InlineData("AWS Bedrock")]
    [InlineData("Mistral")]
    [InlineData("Cohere")]
    [InlineData("DeepSeek")]
    [InlineData("xAI")]
    [InlineData("Groq")]
    [InlineData("OpenRouter")]
    [InlineData("Hugging Face Inference")]
    [InlineData("Together AI")]
    [InlineData("Perplexity")]
    public void The_catalog_bans_every_major_hosted_provider_by_default(string name)
    {
        var provider = BuiltInCatalog.Find(name);
        Assert.NotNull(provider);
        Assert.True(provider!.BannedByDefault);
        Assert.NotEmpty(provider.Packages);
        Assert.NotEmpty(provider.Namespaces);
        Assert.NotEmpty(provider.Hosts);
        Assert.NotEmpty(provider.EnvironmentVariables);
        Assert.Contains(provider, AiPolicy.Default.BannedProviders);
    }

    [Theory]
    [InlineData("Anthropic", "13.12.0")]
    [InlineData("OpenAI", "2.15.0")]
    [InlineData("Azure.AI.OpenAI", "2.1.0")]
    [InlineData("Google.GenAI", "0.1.0")]
    [InlineData("AWSSDK.BedrockRuntime", "4.0.0")]
    [InlineData("Mistral.SDK", "2.0.0")]
    [InlineData("Microsoft.SemanticKernel.Connectors.OpenAI", "1.60.0")]
    [InlineData("Microsoft.SemanticKernel.Connectors.Google", "1.60.0-alpha")]
    [InlineData("Microsoft.Extensions.AI.OpenAI", "9.7.0")]
    [InlineData("LangChain.Providers.Anthropic", "0.17.0")]
    public void Hosted_sdk_packages_are_banned(string id, string version) =>
        Assert.NotNull(AiPolicy.Default.CheckPackage(id, version));

    [Theory]
    [InlineData("Microsoft.Extensions.AI.Abstractions")]
    [InlineData("Microsoft.Extensions.AI")]
    [InlineData("OllamaSharp")]
    [InlineData("Microsoft.ML.OnnxRuntime")]
    [InlineData("LLamaSharp")]
    [InlineData("Microsoft.SemanticKernel.Connectors.Ollama")]
    [InlineData("Newtonsoft.Json")]
    [InlineData("Azure.Storage.Blobs")]
    public void Neutral_local_and_unrelated_packages_are_allowed(string id) =>
        Assert.Null(AiPolicy.Default.CheckPackage(id, "1.0.0"));

    [Fact]
    public void Allow_list_mode_requires_even_neutral_ai_packages_to_be_listed()
    {
        var policy = AiPolicy.Parse("set mode=allowlist\nallow package Microsoft.Extensions.AI.Abstractions\n", "p");

        Assert.Null(policy.CheckPackage("Microsoft.Extensions.AI.Abstractions", "9.0.0"));
        Assert.NotNull(policy.CheckPackage("OllamaSharp", "5.0.0"));
        Assert.NotNull(policy.CheckPackage("OpenAI", "2.15.0"));
        Assert.Null(policy.CheckPackage("Newtonsoft.Json", "13.0.3"));
    }

    [Fact]
    public void Version_ranges_ban_some_versions_only()
    {
        var policy = AiPolicy.Parse("allow package OpenAI\nban package OpenAI [2.0.0,3.0.0) reason=\"v2 only\"\n", "p");

        Assert.Null(policy.CheckPackage("OpenAI", "1.11.0"));
        Assert.Equal("v2 only", policy.CheckPackage("OpenAI", "2.15.0")!.Reason);
        Assert.Null(policy.CheckPackage("OpenAI", "3.0.0"));
    }

    [Fact]
    public void The_most_specific_line_wins_and_a_ban_wins_a_tie()
    {
        var policy = AiPolicy.Parse("""
            allow namespace OpenAI
            ban type OpenAI.Chat.ChatClient
            allow member OpenAI.Chat.ChatClient.GetHashCode
            ban namespace Contoso.Ai
            allow namespace Contoso.Ai
            """, "p");

        Assert.Null(policy.CheckSymbol("OpenAI", "OpenAI.Chat", "OpenAI.Chat.ChatMessage", null, fromSource: false));
        Assert.NotNull(policy.CheckSymbol("OpenAI", "OpenAI.Chat", "OpenAI.Chat.ChatClient", "CompleteChat", fromSource: false));
        Assert.Null(policy.CheckSymbol("OpenAI", "OpenAI.Chat", "OpenAI.Chat.ChatClient", "GetHashCode", fromSource: false));
        Assert.NotNull(policy.CheckSymbol("Contoso", "Contoso.Ai", "Contoso.Ai.Client", null, fromSource: true));
    }

    [Fact]
    public void Catalog_namespaces_never_ban_the_companys_own_code()
    {
        Assert.NotNull(AiPolicy.Default.CheckSymbol("Betalgo.Ranul.OpenAI", "OpenAI.ObjectModels", "OpenAI.ObjectModels.Foo", null, fromSource: false));
        Assert.Null(AiPolicy.Default.CheckSymbol("Contoso.App", "OpenAI", "OpenAI.Helper", null, fromSource: true));
        Assert.Null(AiPolicy.Default.CheckSymbol("Contoso.App", "Contoso.OpenAI", "Contoso.OpenAI.Helper", null, fromSource: false));
    }

    [Theory]
    [InlineData("call https://api.anthropic.com/v1/messages now", "api.anthropic.com")]
    [InlineData("HTTPS://API.OPENAI.COM/v1", "API.OPENAI.COM")]
    [InlineData("contoso.openai.azure.com", "contoso.openai.azure.com")]
    [InlineData("https://user:pw@api.mistral.ai/v1", "api.mistral.ai")]
    [InlineData("wss://api.openai.com/v1/realtime", "api.openai.com")]
    public void Banned_endpoints_are_found_in_text(string text, string host)
    {
        var match = Assert.Single(AiPolicy.Default.FindEndpoints(text));
        Assert.Equal(host, match.Host);
    }

    [Theory]
    [InlineData("https://www.anthropic.com")]
    [InlineData("https://docs.anthropic.com/en/api")]
    [InlineData("see openai.com and anthropic.com")]
    [InlineData("http://localhost:11434/api/chat")]
    [InlineData("http://[::1]:8080/v1")]
    [InlineData("http://127.0.0.42/v1")]
    [InlineData("OpenAI.Chat.ChatClient")]
    [InlineData("version 2.15.0 of file.txt")]
    [InlineData("notapi.openai.com.evil")]
    public void Sites_loopback_and_lookalikes_are_not_endpoints(string text) =>
        Assert.Empty(AiPolicy.Default.FindEndpoints(text));

    [Fact]
    public void Approved_endpoints_are_allowed_and_preferred()
    {
        var policy = AiPolicy.Parse("approve endpoint https://ai.contoso.internal/openai\nban endpoint *.contoso.internal\n", "p");

        Assert.Null(policy.CheckEndpoint("ai.contoso.internal", "/openai/v1"));
        Assert.NotNull(policy.CheckEndpoint("shadow.contoso.internal"));
        Assert.Equal("https://ai.contoso.internal/openai", policy.PreferredApprovedEndpoint());
    }

    [Theory]
    [InlineData("OPENAI_API_KEY", true)]
    [InlineData("anthropic_api_key", true)]
    [InlineData("HF_TOKEN", true)]
    [InlineData("PATH", false)]
    [InlineData("CONTOSO_API_KEY", false)]
    public void Api_key_variables_of_banned_providers_are_known(string name, bool banned) =>
        Assert.Equal(banned, AiPolicy.Default.CheckEnvironmentVariable(name) is not null);

    [Fact]
    public void Verdicts_say_where_the_rule_comes_from()
    {
        var policy = AiPolicy.Parse("\nban package Contoso.ShadowAI reason=\"unvetted\" instead=\"Contoso.AI.Gateway\"\n", "policies/ai.policy");

        var verdict = policy.CheckPackage("Contoso.ShadowAI", "1.0.0")!;
        Assert.Equal("ai.policy:2", verdict.Origin);
        Assert.Equal(("unvetted", "Contoso.AI.Gateway"), (verdict.Reason, verdict.Instead));
        Assert.Equal("built-in catalog (OpenAI)", AiPolicy.Default.CheckPackage("OpenAI", "2.15.0")!.Origin);
    }

    [Fact]
    public void Wrappers_are_recognised()
    {
        var policy = AiPolicy.Parse("allow package Contoso.AI.Client wraps=OpenAI\n", "p");

        Assert.True(policy.IsWrapperOf("Contoso.AI.Client", "OpenAI"));
        Assert.False(policy.IsWrapperOf("Contoso.AI.Client", "Anthropic"));
        Assert.False(policy.IsWrapperOf("Other", "OpenAI"));
    }
}
