using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// Citations an answer made, sent back with it: what they quote and their titles are masked; everything the provider
/// checks (type, offsets, URLs, its encrypted index) goes back exactly as it came. Masked as words, the type had become
/// a pseudonym ("name1") and the encrypted index a secret placeholder, and the provider rejected every later turn.
/// </summary>
public class CitationsTests
{
    private const string Code = "```csharp\npublic sealed class OrderPricingEngine { public decimal ComputeMargin() => 0.42m; }\n```";

    private const string EncryptedIndex = "Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNmM0LTQyMjAtYTE2Yy1iZGQyMjYwNzQ2MDASDIuNnIj3kVrtp2vq7RoMqHdx9bZ6Ee4X0fCCIjD4tYj0ec5cB0tVt0ffbzu4Nbtq";

    public static TheoryData<string> AnthropicCitations() => new()
    {
        $$"""{"type":"web_search_result_location","url":"https://example.com/blog","title":"OrderPricingEngine release notes","encrypted_index":"{{EncryptedIndex}}","cited_text":"ComputeMargin is twice as fast"}""",
        """{"type":"char_location","cited_text":"OrderPricingEngine rounds","document_index":0,"document_title":"OrderPricingEngine.cs","start_char_index":0,"end_char_index":24}""",
        """{"type":"page_location","cited_text":"ComputeMargin","document_index":1,"document_title":"Pricing","start_page_number":2,"end_page_number":3}""",
        """{"type":"content_block_location","cited_text":"ComputeMargin","document_index":0,"document_title":null,"start_block_index":0,"end_block_index":1}""",
        """{"type":"search_result_location","source":"kb://OrderPricingEngine","title":"ComputeMargin","cited_text":"rounds twice","search_result_index":0,"start_block_index":0,"end_block_index":1}""",
    };

    [Theory]
    [MemberData(nameof(AnthropicCitations))]
    public void An_anthropic_citation_goes_back_with_its_quote_and_titles_masked_and_the_rest_exact(string citation)
    {
        var body = Anthropic($$"""{"type":"text","text":"It is faster.","citations":[{{citation}}]}""");

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        var before = JsonNode.Parse(citation)!.AsObject();
        var after = body["messages"]![1]!["content"]![0]!["citations"]![0]!.AsObject();
        Assert.DoesNotContain("OrderPricingEngine", after.ToJsonString());
        Assert.DoesNotContain("ComputeMargin", after.ToJsonString());
        Assert.Equal(before.Select(p => p.Key), after.Select(p => p.Key));
        foreach (var (key, value) in before.Where(p => p.Key is not ("cited_text" or "title" or "document_title" or "source")))
        {
            Assert.Equal(value?.ToJsonString(), after[key]?.ToJsonString());
        }
    }

    [Fact]
    public void Responses_annotations_go_back_with_titles_and_file_names_masked_and_the_rest_exact()
    {
        var body = JsonNode.Parse($$"""
            {"model":"gpt-5","input":[
              {"type":"message","role":"user","content":[{"type":"input_text","text":{{Json(Code)}}}]},
              {"type":"message","role":"assistant","content":[{"type":"output_text","text":"See the docs.","annotations":[
                {"type":"url_citation","url":"https://docs.example.com/pricing","start_index":0,"end_index":5,"title":"OrderPricingEngine docs"},
                {"type":"file_citation","file_id":"file-1","filename":"OrderPricingEngine.cs","index":3}]}]}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAIResponses, body);

        var annotations = body["input"]![1]!["content"]![0]!["annotations"]!;
        Assert.DoesNotContain("OrderPricingEngine", annotations.ToJsonString());
        Assert.Equal(("url_citation", "https://docs.example.com/pricing", 5), (annotations[0]!["type"]!.GetValue<string>(), annotations[0]!["url"]!.GetValue<string>(), annotations[0]!["end_index"]!.GetValue<int>()));
        Assert.Equal(("file_citation", "file-1"), (annotations[1]!["type"]!.GetValue<string>(), annotations[1]!["file_id"]!.GetValue<string>()));
    }

    [Fact]
    public void A_citation_key_that_is_not_understood_refuses_the_request()
    {
        var body = Anthropic("""{"type":"text","text":"x","citations":[{"type":"char_location","cited_text":"x","note":"OrderPricingEngine internals"}]}""");

        var error = Assert.Throws<MaskingRefusedException>(() => new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body));
        Assert.Contains("'note'", error.Message);
    }

    private static JsonObject Anthropic(string assistantBlock) => JsonNode.Parse($$"""
        {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
          {"role":"user","content":{{Json(Code)}}},
          {"role":"assistant","content":[{{assistantBlock}}]},
          {"role":"user","content":"And memory?"}]}
        """)!.AsObject();

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
