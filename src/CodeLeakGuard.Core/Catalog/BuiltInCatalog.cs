using System.Collections.Generic;
using System.Linq;

namespace CodeLeakGuard.Catalog;

/// <summary>
/// The zero-configuration catalog of AI providers. Hosted services and the connectors that reach them are banned by
/// default; vendor-neutral abstractions and local runtimes are listed but allowed, because code sent to them does not
/// leave the machine. A policy file extends or narrows this list; it never needs to repeat it.
/// </summary>
public static class BuiltInCatalog
{
    public static IReadOnlyList<AiProvider> Providers { get; } = Create();

    public static AiProvider? Find(string name) =>
        Providers.FirstOrDefault(p => string.Equals(p.Name, name, System.StringComparison.OrdinalIgnoreCase));

    private static AiProvider[] Create() => new[]
    {
        new AiProvider(
            "Anthropic", AiProviderKind.Hosted,
            packages: new[] { "Anthropic", "Anthropic.*", "Claudia", "Tryagi.Anthropic" },
            namespaces: new[] { "Anthropic", "Claudia" },
            hosts: new[] { "api.anthropic.com" },
            environmentVariables: new[] { "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_API_KEY" }),
        new AiProvider(
            "OpenAI", AiProviderKind.Hosted,
            packages: new[] { "OpenAI", "OpenAI-DotNet", "OpenAI.*", "Betalgo.OpenAI", "Betalgo.OpenAI.*", "Betalgo.Ranul.OpenAI", "Betalgo.Ranul.OpenAI.*", "Standard.AI.OpenAI", "Forge.OpenAI", "OpenAI-API-dotnet", "tryAGI.OpenAI", "Rystem.OpenAi" },
            assemblies: new[] { "OpenAI", "OpenAI-DotNet", "OpenAI.*", "Betalgo.OpenAI*", "Betalgo.Ranul.OpenAI*", "Standard.AI.OpenAI", "Forge.OpenAI", "OpenAI_API", "tryAGI.OpenAI", "Rystem.OpenAi" },
            namespaces: new[] { "OpenAI", "OpenAI_API", "Betalgo.Ranul.OpenAI", "Standard.AI.OpenAI", "Forge.OpenAI", "Rystem.OpenAi" },
            hosts: new[] { "api.openai.com", "chatgpt.com/backend-api" },
            environmentVariables: new[] { "OPENAI_API_KEY", "OPENAI_ORG_ID", "OPENAI_ORGANIZATION", "OPENAI_PROJECT_ID" }),
        new AiProvider(
            "Azure OpenAI", AiProviderKind.Hosted,
            packages: new[] { "Azure.AI.OpenAI", "Azure.AI.OpenAI.*", "Azure.AI.Inference", "Azure.AI.Projects", "Azure.AI.Agents.*" },
            namespaces: new[] { "Azure.AI.OpenAI", "Azure.AI.Inference", "Azure.AI.Projects", "Azure.AI.Agents" },
            hosts: new[] { "*.openai.azure.com", "*.services.ai.azure.com", "*.inference.ai.azure.com", "models.inference.ai.azure.com", "*.cognitiveservices.azure.com", "models.github.ai" },
            environmentVariables: new[] { "AZURE_OPENAI_API_KEY", "AZURE_OPENAI_KEY", "AZURE_OPENAI_ENDPOINT", "AZURE_AI_INFERENCE_KEY", "AZURE_INFERENCE_CREDENTIAL" }),
        new AiProvider(
            "Google Gemini / Vertex AI", AiProviderKind.Hosted,
            packages: new[] { "Google.GenAI", "Google.Cloud.AIPlatform.V1", "Google.Cloud.AIPlatform.*", "Google.Cloud.VertexAI.*", "Mscc.GenerativeAI", "Mscc.GenerativeAI.*", "Google_GenerativeAI", "Google_GenerativeAI.*", "GeminiDotnet", "DotnetGeminiSDK" },
            namespaces: new[] { "Google.GenAI", "Google.Cloud.AIPlatform", "Google.Cloud.VertexAI", "Mscc.GenerativeAI", "GenerativeAI", "GeminiDotnet", "DotnetGeminiSDK" },
            hosts: new[] { "generativelanguage.googleapis.com", "aiplatform.googleapis.com", "*-aiplatform.googleapis.com" },
            environmentVariables: new[] { "GEMINI_API_KEY", "GOOGLE_API_KEY", "GOOGLE_GENAI_API_KEY", "GOOGLE_GENERATIVE_AI_API_KEY" }),
        new AiProvider(
            "AWS Bedrock", AiProviderKind.Hosted,
            packages: new[] { "AWSSDK.BedrockRuntime", "AWSSDK.Bedrock", "AWSSDK.BedrockAgent", "AWSSDK.BedrockAgentRuntime", "AWSSDK.BedrockAgentCore*", "AWSSDK.BedrockDataAutomation*", "AWSSDK.Extensions.Bedrock.*" },
            namespaces: new[] { "Amazon.BedrockRuntime", "Amazon.Bedrock", "Amazon.BedrockAgent", "Amazon.BedrockAgentRuntime", "Amazon.BedrockAgentCore*", "Amazon.BedrockDataAutomation*" },
            hosts: new[] { "bedrock-runtime.*.amazonaws.com", "bedrock.*.amazonaws.com", "bedrock-agent-runtime.*.amazonaws.com", "bedrock-agent.*.amazonaws.com", "bedrock-runtime-fips.*.amazonaws.com" },
            environmentVariables: new[] { "AWS_BEARER_TOKEN_BEDROCK" }),
        new AiProvider(
            "Mistral", AiProviderKind.Hosted,
            packages: new[] { "Mistral.SDK", "MistralSharp", "Mistral.AI", "tryAGI.Mistral" },
            namespaces: new[] { "Mistral.SDK", "MistralSharp", "Mistral" },
            hosts: new[] { "api.mistral.ai", "codestral.mistral.ai" },
            environmentVariables: new[] { "MISTRAL_API_KEY", "CODESTRAL_API_KEY" }),
        new AiProvider(
            "Cohere", AiProviderKind.Hosted,
            packages: new[] { "Cohere", "Cohere.*", "CohereSharp", "tryAGI.Cohere" },
            namespaces: new[] { "Cohere", "CohereSharp" },
            hosts: new[] { "api.cohere.ai", "api.cohere.com" },
            environmentVariables: new[] { "COHERE_API_KEY", "CO_API_KEY" }),
        new AiProvider(
            "DeepSeek", AiProviderKind.Hosted,
            packages: new[] { "DeepSeek.*", "DeepSeek", "DeepSeekSDK", "tryAGI.DeepSeek" },
            namespaces: new[] { "DeepSeek" },
            hosts: new[] { "api.deepseek.com" },
            environmentVariables: new[] { "DEEPSEEK_API_KEY" }),
        new AiProvider(
            "xAI", AiProviderKind.Hosted,
            packages: new[] { "xAI", "xAI.*", "XaiSharp", "Grok.*" },
            namespaces: new[] { "xAI", "XaiSharp" },
            hosts: new[] { "api.x.ai" },
            environmentVariables: new[] { "XAI_API_KEY", "GROK_API_KEY" }),
        new AiProvider(
            "Groq", AiProviderKind.Hosted,
            packages: new[] { "GroqApiLibrary", "GroqSharp", "Groq.*", "tryAGI.Groq" },
            namespaces: new[] { "GroqApiLibrary", "GroqSharp", "Groq" },
            hosts: new[] { "api.groq.com" },
            environmentVariables: new[] { "GROQ_API_KEY" }),
        new AiProvider(
            "OpenRouter", AiProviderKind.Hosted,
            packages: new[] { "OpenRouter.*", "OpenRouterSharp", "tryAGI.OpenRouter" },
            namespaces: new[] { "OpenRouter", "OpenRouterSharp" },
            hosts: new[] { "openrouter.ai/api" },
            environmentVariables: new[] { "OPENROUTER_API_KEY" }),
        new AiProvider(
            "Hugging Face Inference", AiProviderKind.Hosted,
            packages: new[] { "HuggingFace", "HuggingFace.*", "tryAGI.HuggingFace" },
            namespaces: new[] { "HuggingFace" },
            hosts: new[] { "api-inference.huggingface.co", "router.huggingface.co", "*.endpoints.huggingface.cloud" },
            environmentVariables: new[] { "HF_TOKEN", "HUGGINGFACE_API_KEY", "HUGGINGFACEHUB_API_TOKEN", "HUGGING_FACE_HUB_TOKEN" }),
        new AiProvider(
            "Together AI", AiProviderKind.Hosted,
            packages: new[] { "Together", "Together.*", "TogetherAI", "tryAGI.Together" },
            namespaces: new[] { "Together", "TogetherAI" },
            hosts: new[] { "api.together.xyz", "api.together.ai" },
            environmentVariables: new[] { "TOGETHER_API_KEY" }),
        new AiProvider(
            "Perplexity", AiProviderKind.Hosted,
            packages: new[] { "Perplexity", "Perplexity.*", "PerplexitySharp" },
            namespaces: new[] { "Perplexity", "PerplexitySharp" },
            hosts: new[] { "api.perplexity.ai" },
            environmentVariables: new[] { "PERPLEXITY_API_KEY", "PPLX_API_KEY" }),
        new AiProvider(
            "Semantic Kernel hosted connectors", AiProviderKind.HostedConnector,
            packages: new[]
            {
                "Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.AzureOpenAI",
                "Microsoft.SemanticKernel.Connectors.Google", "Microsoft.SemanticKernel.Connectors.MistralAI",
                "Microsoft.SemanticKernel.Connectors.HuggingFace", "Microsoft.SemanticKernel.Connectors.Amazon",
                "Microsoft.SemanticKernel.Connectors.Anthropic", "Microsoft.SemanticKernel.Connectors.AzureAIInference",
                "Microsoft.SemanticKernel.Agents.OpenAI", "Microsoft.SemanticKernel.Agents.AzureAI", "Microsoft.SemanticKernel.Agents.Bedrock",
            },
            assemblies: new[]
            {
                "Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.AzureOpenAI",
                "Microsoft.SemanticKernel.Connectors.Google", "Microsoft.SemanticKernel.Connectors.MistralAI",
                "Microsoft.SemanticKernel.Connectors.HuggingFace", "Microsoft.SemanticKernel.Connectors.Amazon",
                "Microsoft.SemanticKernel.Connectors.Anthropic", "Microsoft.SemanticKernel.Connectors.AzureAIInference",
                "Microsoft.SemanticKernel.Agents.OpenAI", "Microsoft.SemanticKernel.Agents.AzureAI", "Microsoft.SemanticKernel.Agents.Bedrock",
            },
            namespaces: new[]
            {
                "Microsoft.SemanticKernel.Connectors.OpenAI", "Microsoft.SemanticKernel.Connectors.AzureOpenAI",
                "Microsoft.SemanticKernel.Connectors.Google", "Microsoft.SemanticKernel.Connectors.MistralAI",
                "Microsoft.SemanticKernel.Connectors.HuggingFace", "Microsoft.SemanticKernel.Connectors.Amazon",
                "Microsoft.SemanticKernel.Connectors.Anthropic", "Microsoft.SemanticKernel.Connectors.AzureAIInference",
                "Microsoft.SemanticKernel.Agents.OpenAI", "Microsoft.SemanticKernel.Agents.AzureAI", "Microsoft.SemanticKernel.Agents.Bedrock",
            }),
        new AiProvider(
            "Microsoft.Extensions.AI hosted connectors", AiProviderKind.HostedConnector,
            packages: new[] { "Microsoft.Extensions.AI.OpenAI", "Microsoft.Extensions.AI.AzureAIInference" }),
        new AiProvider(
            "LangChain .NET hosted providers", AiProviderKind.HostedConnector,
            packages: new[]
            {
                "LangChain.Providers.OpenAI", "LangChain.Providers.Azure", "LangChain.Providers.Anthropic",
                "LangChain.Providers.Google", "LangChain.Providers.Amazon.Bedrock", "LangChain.Providers.Amazon.Sagemaker",
                "LangChain.Providers.Mistral", "LangChain.Providers.Cohere", "LangChain.Providers.DeepSeek",
                "LangChain.Providers.Groq", "LangChain.Providers.OpenRouter", "LangChain.Providers.HuggingFace",
                "LangChain.Providers.TogetherAi", "LangChain.Providers.DeepInfra", "LangChain.Providers.Fireworks",
                "LangChain.Providers.Anyscale", "LangChain.Providers.Perplexity", "LangChain.Providers.Xai",
            },
            assemblies: new[]
            {
                "LangChain.Providers.OpenAI", "LangChain.Providers.Azure", "LangChain.Providers.Anthropic",
                "LangChain.Providers.Google", "LangChain.Providers.Amazon.*", "LangChain.Providers.Mistral",
                "LangChain.Providers.Cohere", "LangChain.Providers.DeepSeek", "LangChain.Providers.Groq",
                "LangChain.Providers.OpenRouter", "LangChain.Providers.HuggingFace", "LangChain.Providers.TogetherAi",
                "LangChain.Providers.DeepInfra", "LangChain.Providers.Fireworks", "LangChain.Providers.Anyscale",
                "LangChain.Providers.Perplexity", "LangChain.Providers.Xai",
            },
            namespaces: new[]
            {
                "LangChain.Providers.OpenAI", "LangChain.Providers.Azure", "LangChain.Providers.Anthropic",
                "LangChain.Providers.Google", "LangChain.Providers.Amazon", "LangChain.Providers.Mistral",
                "LangChain.Providers.Cohere", "LangChain.Providers.DeepSeek", "LangChain.Providers.Groq",
                "LangChain.Providers.OpenRouter", "LangChain.Providers.HuggingFace", "LangChain.Providers.TogetherAi",
                "LangChain.Providers.DeepInfra", "LangChain.Providers.Fireworks", "LangChain.Providers.Anyscale",
                "LangChain.Providers.Perplexity", "LangChain.Providers.Xai",
            }),
        new AiProvider(
            "Vendor-neutral AI abstractions", AiProviderKind.LocalOrNeutral,
            packages: new[] { "Microsoft.Extensions.AI", "Microsoft.Extensions.AI.Abstractions", "Microsoft.SemanticKernel.Abstractions", "Microsoft.SemanticKernel.Core", "LangChain.Core" }),
        new AiProvider(
            "Local AI runtimes", AiProviderKind.LocalOrNeutral,
            packages: new[]
            {
                "OllamaSharp", "Microsoft.Extensions.AI.Ollama", "Microsoft.SemanticKernel.Connectors.Ollama", "LangChain.Providers.Ollama",
                "Microsoft.ML.OnnxRuntime", "Microsoft.ML.OnnxRuntime.*", "Microsoft.ML.OnnxRuntimeGenAI", "Microsoft.ML.OnnxRuntimeGenAI.*",
                "Microsoft.SemanticKernel.Connectors.Onnx", "LLamaSharp", "LLamaSharp.*", "LangChain.Providers.LLamaSharp",
            }),
    };
}
