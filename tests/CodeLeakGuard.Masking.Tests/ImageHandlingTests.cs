using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Images cannot be masked: by the policy's <c>set images=</c> a request holding one is refused (default), sent with
/// each image replaced by a text saying so, or sent with its images as they are — in every API's shape, in a message
/// and in a tool's result.
/// </summary>
public class ImageHandlingTests
{
    private const string Png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4nGNgYGD4DwABBAEAwS2OUAAAAABJRU5ErkJggg==";

    private static JsonObject Anthropic() => JsonNode.Parse($$$"""
        {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
          {"role":"user","content":[{"type":"text","text":"Why does OrderPricingEngine render this?"},{"type":"image","source":{"type":"base64","media_type":"image/png","data":"{{{Png}}}"}}]},
          {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"screenshot","input":{}}]},
          {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":[{"type":"image","source":{"type":"base64","media_type":"image/png","data":"{{{Png}}}"}},{"type":"text","text":"Captured."}]}]}]}
        """)!.AsObject();

    private static RequestMasker Masker(ImageHandling images) => new(new SessionMasker(new MaskingSession())) { Images = images };

    [Fact]
    public void By_default_a_request_with_an_image_is_refused_with_the_policy_line_that_would_send_it()
    {
        var refused = Assert.Throws<MaskingRefusedException>(() => Masker(ImageHandling.Refuse).Mask(AiApi.AnthropicMessages, Anthropic()));

        Assert.Contains("'image'", refused.Message);
        Assert.Contains("set images=withhold", refused.Message);
    }

    [Fact]
    public void Withheld_images_leave_as_a_text_in_their_place_and_the_rest_is_masked()
    {
        var body = Anthropic();
        var masker = Masker(ImageHandling.Withhold);

        masker.Mask(AiApi.AnthropicMessages, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain(Png, sent);
        Assert.DoesNotContain("OrderPricingEngine", sent);
        Assert.Equal(new JsonObject { ["type"] = "text", ["text"] = RequestMasker.WithheldImageText }.ToJsonString(), body["messages"]![0]!["content"]![1]!.ToJsonString());
        Assert.Equal(RequestMasker.WithheldImageText, body["messages"]![2]!["content"]![0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal("Captured.", body["messages"]![2]!["content"]![0]!["content"]![1]!["text"]!.GetValue<string>());
        Assert.Equal(2, masker.Counts["image withheld"]);
    }

    [Theory]
    [InlineData(AiApi.OpenAIChatCompletions, """{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"text","text":"See"},{"type":"image_url","image_url":{"url":"data:image/png;base64,AAAA","detail":"low"}}]}]}""", "text")]
    [InlineData(AiApi.OpenAIResponses, """{"model":"gpt-5","input":[{"role":"user","content":[{"type":"input_text","text":"See"},{"type":"input_image","image_url":"data:image/png;base64,AAAA","detail":"auto"}]}]}""", "input_text")]
    [InlineData(AiApi.OpenAIResponses, """{"model":"gpt-5","input":[{"type":"function_call_output","call_id":"c1","output":[{"type":"input_image","file_id":"file-1"}]}]}""", "input_text")]
    public void Each_api_gets_a_text_block_of_its_own_shape(AiApi api, string json, string textType)
    {
        var body = JsonNode.Parse(json)!.AsObject();

        Masker(ImageHandling.Withhold).Mask(api, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("base64,AAAA", sent);
        Assert.DoesNotContain("file-1", sent);
        Assert.Contains($$"""{"type":"{{textType}}","text":"{{RequestMasker.WithheldImageText}}"}""", sent);
    }

    [Fact]
    public void Passed_images_go_out_as_they_were_and_are_counted()
    {
        var body = Anthropic();
        var masker = Masker(ImageHandling.Pass);

        masker.Mask(AiApi.AnthropicMessages, body);

        Assert.Equal(Png, body["messages"]![0]!["content"]![1]!["source"]!["data"]!.GetValue<string>());
        Assert.DoesNotContain("OrderPricingEngine", body.ToJsonString());
        Assert.Equal(2, masker.Counts["image passed"]);
    }

    [Fact]
    public void An_image_where_no_text_can_stand_is_refused_even_when_images_are_withheld()
    {
        var body = JsonNode.Parse("""{"model":"gpt-5","prompt":{"id":"pmpt_1","variables":{"shot":{"type":"input_image","image_url":"data:image/png;base64,AAAA"}}},"input":"See the shot."}""")!.AsObject();

        var refused = Assert.Throws<MaskingRefusedException>(() => Masker(ImageHandling.Withhold).Mask(AiApi.OpenAIResponses, body));

        Assert.Contains("no text can take its place", refused.Message);
    }

    [Fact]
    public void A_passed_image_may_not_carry_a_key_of_another_block()
    {
        var body = JsonNode.Parse("""{"model":"gpt-4o","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"https://x/y.png"},"text":"OrderPricingEngine"}]}]}""")!.AsObject();

        Assert.Throws<MaskingRefusedException>(() => Masker(ImageHandling.Pass).Mask(AiApi.OpenAIChatCompletions, body));
    }
}
