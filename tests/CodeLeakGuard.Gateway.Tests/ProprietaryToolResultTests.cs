using System.Text.Json;
using Anthropic;
using Anthropic.Core;
using Anthropic.Exceptions;
using Anthropic.Models.Messages;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// A coding agent reads a file from a folder the policy marks proprietary (<c>proprietary path src/Pricing/**</c>):
/// the real Anthropic SDK sends the tool call and its result through the handler, and the provider receives the file
/// as stubs (block mode: nothing at all). The tool call names the file by its absolute path, as agents do.
/// </summary>
public class ProprietaryToolResultTests
{
    private const string File = """
        namespace Shop.Pricing;

        public sealed class TierEngine
        {
            public decimal Apply(decimal basePrice) => basePrice * 0.37m + RenegotiatedFloor;

            private const decimal RenegotiatedFloor = 11.5m;
        }
        """;

    private static readonly AiPolicy Policy = AiPolicy.Parse("proprietary path src/Pricing/**", "codeleakguard.policy");

    [Fact]
    public async Task A_file_from_a_proprietary_folder_reaches_the_provider_as_stubs()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, MaskingMode.Mask);

        await client.Messages.Create(Conversation("/home/dev/shop/src/Pricing/TierEngine.cs"));

        var sent = Assert.Single(upstream.Received).Body;
        Assert.DoesNotContain("0.37m", sent);
        Assert.DoesNotContain("11.5m", sent);
        Assert.Contains("withheld:Proprietary", sent);
        Assert.Contains("→", sent); // the listing's line numbers are still there
    }

    [Fact]
    public async Task The_same_file_from_another_folder_is_masked_but_not_withheld()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, MaskingMode.Mask);

        await client.Messages.Create(Conversation("/home/dev/shop/src/Checkout/TierEngine.cs"));

        var sent = Assert.Single(upstream.Received).Body;
        Assert.Contains("0.37m", sent);
        Assert.DoesNotContain("withheld:Proprietary", sent);
        Assert.DoesNotContain("TierEngine", sent.Replace("TierEngine.cs", string.Empty));
    }

    [Fact]
    public async Task Block_mode_refuses_a_request_carrying_a_file_from_a_proprietary_folder()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeAnthropic.RespondAsync);
        using var client = Client(upstream, MaskingMode.Block);

        var error = await Assert.ThrowsAnyAsync<AnthropicApiException>(() => client.Messages.Create(Conversation("/home/dev/shop/src/Pricing/TierEngine.cs")));

        Assert.Contains("contains proprietary code and the gateway is in block mode", error.Message);
        Assert.Empty(upstream.Received);
    }

    // A client whose conversations are masked under the policy, in the given mode.
    private static AnthropicClient Client(RecordingUpstream upstream, MaskingMode mode) => new(new ClientOptions
    {
        BaseUrl = upstream.Address.ToString().TrimEnd('/'),
        HttpClient = new HttpClient(new MaskingHandler(new MaskingHandlerOptions
        {
            Mode = mode,
            SessionFor = (_, _) => new SessionMasker(new MaskingSession(new MaskingOptions { Policy = Policy })),
        })
        {
            InnerHandler = new HttpClientHandler(),
        }),
        ApiKey = "sk-ant-test-credential",
        MaxRetries = 0,
    });

    private static MessageCreateParams Conversation(string filePath) => new()
    {
        Model = "claude-sonnet-4-5",
        MaxTokens = 1024,
        Tools = [new Tool { Name = "Read", Description = "Reads a file.", InputSchema = JsonSerializer.Deserialize<InputSchema>("""{"type":"object","properties":{"file_path":{"type":"string"}}}""")! }],
        Messages =
        [
            new UserMessageParam { Content = "Why is the gold tier so cheap?" },
            new AssistantMessageParam
            {
                Content = new List<ContentBlockParam>
                {
                    new ToolUseBlockParam { ID = "toolu_read", Name = "Read", Input = new Dictionary<string, JsonElement> { ["file_path"] = JsonSerializer.SerializeToElement(filePath) } },
                },
            },
            new UserMessageParam
            {
                Content = new List<ContentBlockParam>
                {
                    new ToolResultBlockParam("toolu_read") { Content = string.Join("\n", File.Split('\n').Select((line, i) => $"{i + 1,6}→{line}")) },
                    new TextBlockParam { Text = "Explain the tiers." },
                },
            },
        ],
    };
}
