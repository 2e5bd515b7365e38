using System.Text.Json.Nodes;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// The special tokens of chat and fill-in-the-middle templates, which code-completion clients for local models put in
/// prompts and stop sequences, reach the model as they are: it emits them itself, never a pseudonym of them.
/// </summary>
public class SpecialTokensTests
{
    [Fact]
    public void A_fill_in_the_middle_prompts_tokens_are_kept_and_its_code_masked()
    {
        var body = JsonNode.Parse("""
            {"model":"qwen2.5-coder:1.5b","prompt":"<|fim_prefix|>public class InvoiceLedgerService {\n","suffix":"}\n<|fim_suffix|>",
             "stop":["<|fim_prefix|>","<|fim_middle|>","<|file_sep|>","<|im_end|>","<|endoftext|>","<|eot_id|>"]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.OpenAICompletions, body);

        var prompt = body["prompt"]!.GetValue<string>();
        Assert.StartsWith("<|fim_prefix|>public class ", prompt);
        Assert.DoesNotContain("InvoiceLedgerService", prompt);
        Assert.Equal("}\n<|fim_suffix|>", body["suffix"]!.GetValue<string>());
        Assert.Equal(["<|fim_prefix|>", "<|fim_middle|>", "<|file_sep|>", "<|im_end|>", "<|endoftext|>", "<|eot_id|>"], Strings(body["stop"]));
    }

    [Fact]
    public void Stop_sequences_keep_the_tags_a_model_writes()
    {
        var body = JsonNode.Parse("""
            {"model":"claude-sonnet-4-5","max_tokens":10,"stop_sequences":["</function_calls>","<|im_end|>"],"messages":[{"role":"user","content":"Go."}]}
            """)!.AsObject();

        new RequestMasker(new SessionMasker(new MaskingSession())).Mask(AiApi.AnthropicMessages, body);

        Assert.Equal(["</function_calls>", "<|im_end|>"], Strings(body["stop_sequences"]));
    }

    private static string[] Strings(JsonNode? array) => array!.AsArray().Select(item => item!.GetValue<string>()).ToArray();
}
