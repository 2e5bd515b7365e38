using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Masking.Http;

namespace CodeLeakGuard.Masking.Tests;

/// <summary>
/// A request's prose may name what a later text of the same request declares (the question first, then the file an
/// agent read): the handler masks it there too, with the pseudonym the code got. History already sent stays as sent.
/// </summary>
public class NameOrderTests
{
    private const string Question = "Why does Consignment double-charge when the Manifest is empty?";

    private const string Code = """
        ```csharp
        public sealed class Consignment
        {
            private readonly Tariff _tariff;
            public decimal Settle(Manifest manifest) => _tariff.Apply(manifest.Weight);
        }
        ```
        """;

    public static TheoryData<string, string> QuestionThenCode => new()
    {
        // One message: a text block, then a block with the code.
        { "/v1/messages", Body(new { model = "claude-sonnet-4-5", max_tokens = 100, messages = new object[] { new { role = "user", content = new object[] { new { type = "text", text = Question }, new { type = "text", text = Code } } } } }) },
        // Two messages, as chat plugins attach a file after the question.
        { "/v1/chat/completions", Body(new { model = "gpt-5", messages = new object[] { new { role = "user", content = Question }, new { role = "user", content = "<attachment>\n" + Code + "\n</attachment>" } } }) },
        // An agent's question, its tool call, and the file as the tool's result.
        { "/v1/messages", Body(new
            {
                model = "claude-sonnet-4-5",
                max_tokens = 100,
                messages = new object[]
                {
                    new { role = "user", content = Question },
                    new { role = "assistant", content = new object[] { new { type = "tool_use", id = "toolu_1", name = "Read", input = new { file_path = "/repo/src/Shipping.cs" } } } },
                    new { role = "user", content = new object[] { new { type = "tool_result", tool_use_id = "toolu_1", content = Code } } },
                },
            }) },
    };

    [Theory]
    [MemberData(nameof(QuestionThenCode))]
    public async Task A_name_the_question_mentions_before_the_code_declares_it_is_masked_in_the_question_too(string path, string body)
    {
        var (response, upstream, _) = await InMemoryUpstream.SendThroughHandlerAsync(path, Encoding.UTF8.GetBytes(body));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var sent = Assert.Single(upstream.Bodies);
        Assert.DoesNotContain("Consignment", sent);
        Assert.DoesNotContain("Manifest", sent);
        var question = Regex.Match(sent, @"Why does (\w+) double-charge when the (\w+) is empty\?");
        Assert.True(question.Success, sent);
        Assert.Contains($"class {question.Groups[1].Value}", sent); // the question's pseudonyms are the code's
        Assert.Matches($@"decimal \w+\({question.Groups[2].Value} \w+\)", sent);
    }

    [Fact]
    public async Task A_name_in_a_tool_calls_arguments_before_the_code_declares_it_is_masked_there_too()
    {
        // The arguments are JSON inside a string: their texts are masked one by one and written back as JSON text, so
        // the request is masked again from its original body.
        var body = Body(new
        {
            model = "gpt-5",
            messages = new object[]
            {
                new { role = "user", content = "It double-charges." },
                new { role = "assistant", tool_calls = new object[] { new { id = "call_1", type = "function", function = new { name = "grep", arguments = "{\"pattern\":\"Consignment is empty\"}" } } } },
                new { role = "tool", tool_call_id = "call_1", content = Code },
            },
        });

        var (response, upstream, _) = await InMemoryUpstream.SendThroughHandlerAsync("/v1/chat/completions", Encoding.UTF8.GetBytes(body));

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        var sent = JsonNode.Parse(Assert.Single(upstream.Bodies))!;
        Assert.DoesNotContain("Consignment", sent.ToJsonString());
        var arguments = JsonNode.Parse(sent["messages"]![1]!["tool_calls"]![0]!["function"]!["arguments"]!.GetValue<string>())!;
        var pseudonym = Regex.Match(arguments["pattern"]!.GetValue<string>(), @"^(\w+) is empty$").Groups[1].Value;
        Assert.Contains($"class {pseudonym}", sent["messages"]![2]!["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_audit_counts_a_text_masked_again_once()
    {
        static string Blocks(params string[] texts) => Body(new { model = "claude-sonnet-4-5", max_tokens = 100, messages = new object[] { new { role = "user", content = texts.Select(text => new { type = "text", text }).ToArray() } } });

        const string question = "Does OrderPricingEngine call Consignment twice?"; // one name known at once, one only later
        var (_, _, questionFirst) = await InMemoryUpstream.SendThroughHandlerAsync("/v1/messages", Encoding.UTF8.GetBytes(Blocks(question, Code)));
        var (_, _, codeFirst) = await InMemoryUpstream.SendThroughHandlerAsync("/v1/messages", Encoding.UTF8.GetBytes(Blocks(Code, question)));

        Assert.Equal(codeFirst!.Masked.OrderBy(p => p.Key), questionFirst!.Masked.OrderBy(p => p.Key));
    }

    [Fact]
    public async Task A_question_sent_before_the_code_came_is_resent_as_it_was_sent()
    {
        var upstream = new InMemoryUpstream("""{"content":[]}""", "application/json");
        using var client = new HttpClient(new MaskingHandler(MaskingHandlerOptions.ForSession(new MaskingSession()), upstream));
        var first = new object[] { new { role = "user", content = Question } };
        var second = new object[]
        {
            first[0],
            new { role = "assistant", content = "Paste the class, please." },
            new { role = "user", content = Code },
        };

        await client.PostAsync("http://127.0.0.1:9/v1/messages", Json(new { model = "claude-sonnet-4-5", max_tokens = 100, messages = first }));
        await client.PostAsync("http://127.0.0.1:9/v1/messages", Json(new { model = "claude-sonnet-4-5", max_tokens = 100, messages = second }));

        // The question went out before the session knew the names: resent as it was (the provider's prompt cache and
        // the conversation the model saw stay the same), while the code that came later is masked.
        var questionSent = JsonNode.Parse(upstream.Bodies[0])!["messages"]![0]!["content"]!.GetValue<string>();
        Assert.Equal(questionSent, JsonNode.Parse(upstream.Bodies[1])!["messages"]![0]!["content"]!.GetValue<string>());
        Assert.DoesNotContain("class Consignment", upstream.Bodies[1]);
    }

    private static string Body(object body) => System.Text.Json.JsonSerializer.Serialize(body);

    private static StringContent Json(object body) => new(Body(body), Encoding.UTF8, "application/json");
}
