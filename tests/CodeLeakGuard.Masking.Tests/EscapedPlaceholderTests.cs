using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// A secret's placeholder inside JSON written as text — a tool call's arguments — may come with its brackets escaped
/// (<c>\u003Csecret:GitHubToken1\u003E</c>, as System.Text.Json and Go write them): it is restored whole, also when
/// streamed in pieces cut anywhere, and arguments sent out keep their brackets unescaped so models copy them as they are.
/// Before, only the name inside was restored: the client got <c>\u003Csecret:ghp_...\u003E</c>.
/// </summary>
public class EscapedPlaceholderTests
{
    private static (SessionMasker Masker, string Kind) MaskedToken()
    {
        var masker = new SessionMasker(new MaskingSession());
        var masked = masker.Mask($"token = \"{FakeSecrets.GitHubToken}\"").Text;
        var placeholder = Regex.Match(masked, "<secret:(GitHubToken[0-9]+)>");
        Assert.True(placeholder.Success, masked);
        return (masker, placeholder.Groups[1].Value);
    }

    [Theory]
    [InlineData("\\u003C", "\\u003E")]
    [InlineData("\\u003c", "\\u003e")]
    public void An_escaped_placeholder_is_restored_whole(string open, string close)
    {
        var (masker, kind) = MaskedToken();

        var restored = masker.Unmask($$"""{"token":"{{open}}secret:{{kind}}{{close}}"}""");

        Assert.Equal(FakeSecrets.GitHubToken, JsonNode.Parse(restored)!["token"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    [InlineData(7)]
    [InlineData(9)]
    public void Streamed_arguments_with_an_escaped_placeholder_come_back_whole_wherever_the_pieces_are_cut(int pieceLength)
    {
        var (masker, kind) = MaskedToken();
        var arguments = $$"""{"code":"const string Token = \u0022\u003Csecret:{{kind}}\u003E\u0022;"}""";
        var transformer = new SseUnmaskingTransformer(masker, AiApi.AnthropicMessages);
        var received = new System.Text.StringBuilder();

        var events = Enumerable.Range(0, (arguments.Length + pieceLength - 1) / pieceLength)
            .Select(i => arguments.Substring(i * pieceLength, Math.Min(pieceLength, arguments.Length - i * pieceLength)))
            .Select(piece => new JsonObject { ["type"] = "content_block_delta", ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "input_json_delta", ["partial_json"] = piece } })
            .Append(new JsonObject { ["type"] = "content_block_stop", ["index"] = 0 });
        foreach (var output in events.SelectMany(data => transformer.Transform(new SseEvent { Event = data["type"]!.GetValue<string>(), Data = data.ToJsonString() })))
        {
            received.Append(JsonNode.Parse(output.Data!)!["delta"]?["partial_json"]?.GetValue<string>());
        }

        Assert.Equal($"const string Token = \"{FakeSecrets.GitHubToken}\";", JsonNode.Parse(received.ToString())!["code"]!.GetValue<string>());
    }

    [Fact]
    public void Arguments_sent_out_keep_a_placeholders_brackets_unescaped()
    {
        var body = JsonNode.Parse($$$"""
            {"model":"gpt-4o","messages":[{"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"save","arguments":"{\"token\":\"{{{FakeSecrets.GitHubToken}}}\"}"}}]}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIChatCompletions, body);

        var arguments = body["messages"]![0]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>();
        Assert.Matches("^\\{\"token\":\"<secret:GitHubToken[0-9]+>\"\\}$", arguments);
    }
}
