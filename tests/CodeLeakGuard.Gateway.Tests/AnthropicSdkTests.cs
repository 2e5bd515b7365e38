using System.Text;
using System.Text.Json;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// The real Anthropic 13.12.0 client, with the masking handler in its HttpClient and the real masking session,
/// against a fake Messages API on loopback: what leaves holds no proprietary name and no secret; what the SDK
/// returns holds the real names.
/// </summary>
public class AnthropicSdkTests
{
    private static AnthropicClient Client(RecordingUpstream upstream, MaskingSession session) => new(new ClientOptions
    {
        BaseUrl = upstream.Address.ToString().TrimEnd('/'),
        HttpClient = new HttpClient(new MaskingHandler(session) { InnerHandler = new HttpClientHandler() }),
        ApiKey = "sk-ant-test-credential",
        MaxRetries = 0,
    });

    /// <summary>System prompt, string content, content blocks, a tool definition, a tool call and its result.</summary>
    private static MessageCreateParams Conversation() => new()
    {
        Model = "claude-sonnet-4-5",
        MaxTokens = 1024,
        System = ProprietaryPrompt.System,
        Tools =
        [
            new Tool
            {
                Name = ProprietaryPrompt.ToolName,
                Description = ProprietaryPrompt.ToolDescription,
                InputSchema = JsonSerializer.Deserialize<InputSchema>(ProprietaryPrompt.ToolSchema)!,
            },
        ],
        Messages =
        [
            new UserMessageParam { Content = ProprietaryPrompt.Code },
            new AssistantMessageParam
            {
                Content = new List<ContentBlockParam>
                {
                    new TextBlockParam { Text = "Let me look up OrderPricingEngine first." },
                    new ToolUseBlockParam
                    {
                        ID = "toolu_1",
                        Name = ProprietaryPrompt.ToolName,
                        Input = new Dictionary<string, JsonElement>
                        {
                            ["symbol"] = JsonSerializer.SerializeToElement(ProprietaryPrompt.ToolCallSymbol),
                            ["api_key"] = JsonSerializer.SerializeToElement(ProprietaryPrompt.ToolCallKey),
                        },
                    },
                },
            },
            new UserMessageParam
            {
                Content = new List<ContentBlockParam>
                {
                    new ToolResultBlockParam("toolu_1") { Content = ProprietaryPrompt.ToolResult },
                    new TextBlockParam { Text = ProprietaryPrompt.Question },
                },
            },
        ],
    };

    [Fact]
    public async Task A_whole_answer_comes_back_with_real_names_and_nothing_proprietary_left()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, new MaskingSession());

        var message = await client.Messages.Create(Conversation());

        var request = Assert.Single(upstream.Received);
        Assert.EndsWith("/v1/messages", request.Path);
        Assert.Contains("sk-ant-test-credential", request.Headers["Authorization"]); // this SDK version sends the key as a bearer token
        ProprietaryPrompt.AssertNoLeak(request.Body);
        AssertEveryPartWasSent(request.Body);

        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(FakeAnthropic.EchoPrefix + ProprietaryPrompt.Question, text!.Text);
        Assert.True(message.Content[1].TryPickToolUse(out var toolUse));
        Assert.Equal(ProprietaryPrompt.ToolCallSymbol, toolUse!.Input["symbol"].GetString());
        Assert.Equal(ProprietaryPrompt.ToolCallKey, toolUse.Input["api_key"].GetString());
    }

    [Fact]
    public async Task A_streamed_answer_split_inside_pseudonyms_comes_back_with_real_names()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, new MaskingSession());

        var text = new StringBuilder();
        var toolJson = new StringBuilder();
        var types = new List<string>();
        await foreach (var streamEvent in client.Messages.CreateStreaming(Conversation()))
        {
            types.Add(streamEvent.Json.GetProperty("type").GetString()!);
            if (streamEvent.TryPickContentBlockDelta(out var delta))
            {
                if (delta!.Delta.TryPickText(out var textDelta))
                {
                    text.Append(textDelta!.Text);
                }
                else if (delta.Delta.TryPickInputJson(out var jsonDelta))
                {
                    toolJson.Append(jsonDelta!.PartialJson);
                }
            }
        }

        var request = Assert.Single(upstream.Received);
        Assert.True(request.Streamed);
        ProprietaryPrompt.AssertNoLeak(request.Body);

        // The fake cut the masked echo every 3 characters, so every pseudonym arrived in pieces.
        Assert.Equal(FakeAnthropic.EchoPrefix + ProprietaryPrompt.Question, text.ToString());
        var input = JsonDocument.Parse(toolJson.ToString()).RootElement;
        Assert.Equal(ProprietaryPrompt.ToolCallSymbol, input.GetProperty("symbol").GetString());
        Assert.Equal(["message_start", "content_block_start"], types.Take(2));
        Assert.Equal(["message_delta", "message_stop"], types.TakeLast(2));
    }

    [Fact]
    public async Task A_system_prompt_of_text_blocks_is_masked_too()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, new MaskingSession());
        var conversation = Conversation() with { System = new List<TextBlockParam> { new() { Text = ProprietaryPrompt.System } } };

        await client.Messages.Create(conversation);

        var request = Assert.Single(upstream.Received);
        Assert.Equal(JsonValueKind.Array, request.Json["system"]!.GetValueKind());
        ProprietaryPrompt.AssertNoLeak(request.Body);
    }

    [Fact]
    public async Task A_file_a_coding_agent_read_goes_out_masked_as_code_with_its_line_numbers()
    {
        const string File = """
            namespace Contoso.Pricing;

            public sealed class OrderPricingEngine
            {
                private readonly IDiscountLedger _discountLedger;

                public decimal ComputeMargin(decimal basePrice) => basePrice * _discountLedger.RebateFactor;
            }
            """;
        var listing = string.Join("\n", File.Split('\n').Select((line, i) => $"{i + 1,6}→{line}"));
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, new MaskingSession());
        var read = new Dictionary<string, JsonElement> { ["file_path"] = JsonSerializer.SerializeToElement("src/Pricing.cs") };

        var message = await client.Messages.Create(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 1024,
            Tools = [new Tool { Name = "Read", Description = "Reads a file.", InputSchema = JsonSerializer.Deserialize<InputSchema>("""{"type":"object","properties":{"file_path":{"type":"string"}}}""")! }],
            Messages =
            [
                new UserMessageParam { Content = "Read src/Pricing.cs." },
                new AssistantMessageParam { Content = new List<ContentBlockParam> { new ToolUseBlockParam { ID = "toolu_1", Name = "Read", Input = read } } },
                new UserMessageParam
                {
                    Content = new List<ContentBlockParam>
                    {
                        new ToolResultBlockParam("toolu_1") { Content = listing },
                        new TextBlockParam { Text = ProprietaryPrompt.Question },
                    },
                },
            ],
        });

        var request = Assert.Single(upstream.Received);
        ProprietaryPrompt.AssertNoLeak(request.Body);
        var sentListing = JsonDocument.Parse(request.Body).RootElement.GetProperty("messages")[2].GetProperty("content")[0].GetProperty("content").GetString()!;
        Assert.Equal(File.Split('\n').Length, sentListing.Split('\n').Length);
        Assert.StartsWith("     1→namespace Namespace", sentListing);
        Assert.Contains("     3→public sealed class Class", sentListing);
        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(FakeAnthropic.EchoPrefix + ProprietaryPrompt.Question, text!.Text);
    }

    [Fact]
    public async Task Documents_search_results_and_web_search_history_go_out_masked()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, new MaskingSession());

        var message = await client.Messages.Create(new MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 1024,
            Messages =
            [
                new UserMessageParam
                {
                    Content = new List<ContentBlockParam>
                    {
                        new DocumentBlockParam(new PlainTextSource(ProprietaryPrompt.Code)) { Title = "OrderPricingEngine design notes", Citations = new CitationsConfigParam { Enabled = true } },
                        new SearchResultBlockParam
                        {
                            Source = "https://wiki.contoso.internal/pricing",
                            Title = "IDiscountLedger",
                            Content = [new TextBlockParam { Text = ProprietaryPrompt.ToolResult }],
                        },
                        new TextBlockParam { Text = "Is there public guidance on rounding margins?" },
                    },
                },
                new AssistantMessageParam
                {
                    Content = new List<ContentBlockParam>
                    {
                        new ServerToolUseBlockParam
                        {
                            ID = "srvtoolu_1",
                            Name = "web_search",
                            Input = new Dictionary<string, JsonElement> { ["query"] = JsonSerializer.SerializeToElement("rounding margins like OrderPricingEngine") },
                        },
                        new WebSearchToolResultBlockParam
                        {
                            ToolUseID = "srvtoolu_1",
                            Content = new List<WebSearchResultBlockParam>
                            {
                                new() { Url = "https://example.com/rounding", Title = "Rounding in ComputeMargin-style code", EncryptedContent = "EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5" },
                            },
                        },
                        new TextBlockParam { Text = "Round once, at the end." },
                    },
                },
                new UserMessageParam { Content = ProprietaryPrompt.Question },
            ],
        });

        var request = Assert.Single(upstream.Received);
        ProprietaryPrompt.AssertNoLeak(request.Body);
        Assert.Contains("\"EqgfCioIARgBIiQ3YTAwMjY1Mi1mZjM5\"", request.Body);
        Assert.Contains("\"web_search_tool_result\"", request.Body);
        Assert.Contains("\"search_result\"", request.Body);
        Assert.True(message.Content[0].TryPickText(out var text));
        Assert.Equal(FakeAnthropic.EchoPrefix + ProprietaryPrompt.Question, text!.Text);
    }

    /// <summary>The leak check means something only if every part of the conversation reached the provider.</summary>
    private static void AssertEveryPartWasSent(string body)
    {
        var json = JsonDocument.Parse(body).RootElement;
        Assert.Equal(JsonValueKind.String, json.GetProperty("system").ValueKind);
        Assert.Contains("lookup_symbol", body);
        Assert.Contains("\"tool_use\"", body);
        Assert.Contains("\"tool_result\"", body);
        Assert.Contains("\"input_schema\"", body);
        Assert.Equal(3, json.GetProperty("messages").GetArrayLength());
        Assert.Contains("secret:", body); // the placeholders (their angle brackets are JSON-escaped)
    }
}
