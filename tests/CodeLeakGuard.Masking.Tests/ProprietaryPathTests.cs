using CodeLeakGuard.Masking.Proprietary;
using CodeLeakGuard.Policy;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>A file named by path (a coding agent's tool read it) honours the policy's <c>proprietary path</c> rules in every kind of text.</summary>
public class ProprietaryPathTests
{
    private static readonly AiPolicy Policy = AiPolicy.Parse("proprietary path src/Pricing/**", "codeleakguard.policy");

    private const string Engine = """
        namespace Shop.Pricing;

        public sealed class TierEngine
        {
            public decimal Apply(decimal basePrice) => basePrice * 0.37m + 11m;
        }
        """;

    [Theory]
    [InlineData("src/Pricing/TierEngine.cs", "src/Pricing/TierEngine.cs")]
    [InlineData("/home/dev/shop/src/Pricing/TierEngine.cs", "src/Pricing/TierEngine.cs")]
    [InlineData(@"C:\work\shop\src\Pricing\Rules\Tier.cs", "src/Pricing/Rules/Tier.cs")]
    [InlineData("/home/dev/shop/src/Checkout/Cart.cs", null)]
    [InlineData("Pricing/TierEngine.cs", null)]
    [InlineData("/home/dev/shop/src/Shipping/../Pricing/TierEngine.cs", "src/Pricing/TierEngine.cs")]
    [InlineData("src/./Pricing//TierEngine.cs", "src/Pricing/TierEngine.cs")]
    [InlineData(null, null)]
    public void A_path_is_covered_when_a_rule_covers_one_of_its_tails(string? path, string? covered)
    {
        Assert.Equal(covered, ProprietaryPaths.Covering(Policy, path));
    }

    [Fact]
    public void Code_a_tool_read_from_a_proprietary_folder_goes_out_as_stubs_and_the_text_around_it_is_withheld()
    {
        var listing = "// pricing rules, do not share\n" + string.Join("\n", Engine.Split('\n').Select((line, i) => $"{i + 2,6}→{line}"));
        var session = new MaskingSession(new MaskingOptions { Policy = Policy });

        var masked = session.Mask(listing, MaskKind.Markdown, "/home/dev/shop/src/Pricing/TierEngine.cs");

        Assert.DoesNotContain("0.37m", masked.Text);
        Assert.DoesNotContain("do not share", masked.Text);
        Assert.Contains("<withheld:Proprietary", masked.Text);
        Assert.Matches(@"     6→    public decimal Apply\(decimal param\d+\) => throw new global::System\.NotSupportedException\(""<withheld:Proprietary\d+>""\);", masked.Text);
        Assert.StartsWith("<withheld:Proprietary", masked.Text); // the comment line before the listing
        Assert.True(masked.Report.ProprietarySpans >= 2);

        var elsewhere = new MaskingSession(new MaskingOptions { Policy = Policy }).Mask(listing, MaskKind.Markdown, "/home/dev/shop/src/Checkout/TierEngine.cs");
        Assert.Contains("0.37m", elsewhere.Text);
        Assert.Equal(0, elsewhere.Report.ProprietarySpans);
    }

    [Theory]
    [InlineData(MaskKind.PlainText)]
    [InlineData(MaskKind.Markdown)]
    public void Text_that_is_not_code_from_a_proprietary_folder_is_withheld_whole(MaskKind kind)
    {
        const string Notes = "Tier discounts: gold 37%, silver 11%. Renegotiate with Fabrikam in March.";
        var session = new MaskingSession(new MaskingOptions { Policy = Policy });

        var masked = session.Mask(Notes, kind, "src/Pricing/NOTES.md");

        Assert.Matches(@"^<withheld:Proprietary\d+>$", masked.Text);
        Assert.Equal(1, masked.Report.ProprietarySpans);
    }
}

/// <summary>The OpenAI shapes carry the file's path in a tool call's JSON arguments and its content in a tool message or output item.</summary>
public class ProprietaryPathInOpenAIShapesTests
{
    private const string Code = "public sealed class TierEngine\n{\n    public decimal Apply(decimal basePrice) => basePrice * 0.37m;\n}\n";

    [Fact]
    public void A_chat_completions_tool_message_holds_the_file_its_call_named()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"model":"gpt-4o","messages":[
              {"role":"user","content":"Why is gold cheap?"},
              {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function","function":{"name":"read_file","arguments":"{\"path\": \"/srv/shop/src/Pricing/TierEngine.cs\"}"}}]},
              {"role":"tool","tool_call_id":"call_1","content":{{{System.Text.Json.JsonSerializer.Serialize(Code)}}}}]}
            """)!.AsObject();

        Mask(Http.AiApi.OpenAIChatCompletions, body);

        var sent = body["messages"]![2]!["content"]!.GetValue<string>();
        Assert.DoesNotContain("0.37m", sent);
        Assert.Contains("<withheld:Proprietary", sent);
    }

    [Fact]
    public void A_responses_function_call_output_holds_the_file_its_call_named()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"model":"gpt-4o","input":[
              {"type":"message","role":"user","content":"Why is gold cheap?"},
              {"type":"function_call","call_id":"call_9","name":"read_file","arguments":"{\"file_path\":\"src/Pricing/TierEngine.cs\"}"},
              {"type":"function_call_output","call_id":"call_9","output":{{{System.Text.Json.JsonSerializer.Serialize(Code)}}}}]}
            """)!.AsObject();

        Mask(Http.AiApi.OpenAIResponses, body);

        var sent = body["input"]![2]!["output"]!.GetValue<string>();
        Assert.DoesNotContain("0.37m", sent);
        Assert.Contains("<withheld:Proprietary", sent);
    }

    [Fact]
    public void What_an_edit_or_a_write_puts_into_a_proprietary_file_is_masked_as_the_file_is()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
              {"role":"user","content":"Make gold cheaper."},
              {"role":"assistant","content":[
                {"type":"tool_use","id":"toolu_1","name":"Edit","input":{"file_path":"/home/dev/shop/src/Pricing/TierEngine.cs","old_string":"        var rate = tier switch { 1 => 4.17m, 2 => 6.93m, _ => 11.41m };\n        var curve = Math.Pow((double)weight, 0.8125);","new_string":"        var rate = tier switch { 1 => 4.17m, 2 => 6.85m, _ => 11.41m };\n        var curve = Math.Pow((double)weight, 0.8125);"}},
                {"type":"tool_use","id":"toolu_2","name":"Write","input":{"file_path":"src/Pricing/GoldTier.cs","content":{{{System.Text.Json.JsonSerializer.Serialize(Code)}}}}}]}]}
            """)!.AsObject();

        Mask(Http.AiApi.AnthropicMessages, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("6.93m", sent);
        Assert.DoesNotContain("6.85m", sent);
        Assert.DoesNotContain("0.37m", sent);
        Assert.Contains("src/Pricing/", sent); // the path itself is text
    }

    [Fact]
    public void A_patch_to_a_proprietary_file_is_masked_as_the_file_is()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse("""
            {"model":"gpt-5","input":[
              {"type":"message","role":"user","content":"Make gold cheaper."},
              {"type":"apply_patch_call","call_id":"call_1","status":"completed","operation":{"type":"update_file","path":"src/Pricing/TierEngine.cs","diff":"@@ public decimal Apply(decimal basePrice)\n-        var rate = tier switch { 1 => 4.17m, 2 => 6.93m, _ => 11.41m };\n+        var rate = tier switch { 1 => 4.17m, 2 => 6.85m, _ => 11.41m };\n         var curve = Math.Pow((double)weight, 0.8125);\n"}}]}
            """)!.AsObject();

        Mask(Http.AiApi.OpenAIResponses, body);

        var sent = body.ToJsonString();
        Assert.DoesNotContain("6.93m", sent);
        Assert.DoesNotContain("0.8125", sent);
    }

    [Theory]
    [InlineData("cat -n /home/dev/shop/src/Pricing/TierEngine.cs", true)]
    [InlineData("sed -n '1,80p' src/Pricing/TierEngine.cs", true)]
    [InlineData("rg -n Apply src/Pricing", true)] // a folder the rule covers everything in
    [InlineData("cat src/Checkout/Cart.cs", false)]
    public void What_a_shell_command_prints_of_a_proprietary_file_is_masked_as_the_file_is(string command, bool proprietary)
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
              {"role":"user","content":"Why is gold cheap?"},
              {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Bash","input":{"command":{{{System.Text.Json.JsonSerializer.Serialize(command)}}},"description":"Read the engine"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":{{{System.Text.Json.JsonSerializer.Serialize(Code)}}}}]}]}
            """)!.AsObject();

        Mask(Http.AiApi.AnthropicMessages, body);

        Assert.Equal(proprietary, !body["messages"]![2]!["content"]![0]!["content"]!.GetValue<string>().Contains("0.37m", StringComparison.Ordinal));
        Assert.Equal(command.Split(' ')[0], body["messages"]![1]!["content"]![0]!["input"]!["command"]!.GetValue<string>().Split(' ')[0]); // the command itself is text
    }

    [Fact]
    public void What_a_search_finds_in_a_proprietary_folder_is_masked_as_its_files_are()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"model":"claude-sonnet-4-5","max_tokens":100,"messages":[
              {"role":"user","content":"Where is the gold rate?"},
              {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"Grep","input":{"pattern":"Apply","path":"/home/dev/shop/src/Pricing","output_mode":"content"}}]},
              {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":{{{System.Text.Json.JsonSerializer.Serialize("src/Pricing/TierEngine.cs:3:    public decimal Apply(decimal basePrice) => basePrice * 0.37m;")}}}}]}]}
            """)!.AsObject();

        Mask(Http.AiApi.AnthropicMessages, body);

        Assert.DoesNotContain("0.37m", body["messages"]![2]!["content"]![0]!["content"]!.GetValue<string>());
        Assert.Equal("Apply", body["messages"]![1]!["content"]![0]!["input"]!["pattern"]!.GetValue<string>()); // the search itself is text
    }

    [Fact]
    public void What_a_codex_shell_call_prints_of_a_proprietary_file_is_masked_as_the_file_is()
    {
        var body = System.Text.Json.Nodes.JsonNode.Parse($$$"""
            {"model":"gpt-5","input":[
              {"type":"message","role":"user","content":"Why is gold cheap?"},
              {"type":"function_call","call_id":"call_1","name":"shell","arguments":"{\"command\":[\"bash\",\"-lc\",\"sed -n '1,80p' src/Pricing/TierEngine.cs\"],\"workdir\":\"/home/dev/shop\"}"},
              {"type":"function_call_output","call_id":"call_1","output":{{{System.Text.Json.JsonSerializer.Serialize(Code)}}}}]}
            """)!.AsObject();

        Mask(Http.AiApi.OpenAIResponses, body);

        Assert.DoesNotContain("0.37m", body["input"]![2]!["output"]!.GetValue<string>());
    }

    private static void Mask(Http.AiApi api, System.Text.Json.Nodes.JsonObject body)
    {
        var policy = AiPolicy.Parse("proprietary path src/Pricing/**", "codeleakguard.policy");
        new Http.RequestMasker(new Http.SessionMasker(new MaskingSession(new MaskingOptions { Policy = policy }))).Mask(api, body);
    }
}
