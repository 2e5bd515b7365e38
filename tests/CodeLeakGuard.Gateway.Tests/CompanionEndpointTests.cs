using System.ClientModel;
using BinaryContent = System.ClientModel.BinaryContent;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Anthropic;
using Anthropic.Core;
using Anthropic.Models.Messages;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;
using OpenAI;
using OpenAI.Models;
using OpenAI.Responses;
using Beta = Anthropic.Models.Beta.Messages;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// What assistants ask for beside the conversation itself, with the real SDK clients against a fake provider on
/// loopback: token counts and compaction carry the conversation's text and are masked like it (before, they were
/// blocked, and a policy that let them pass sent the code unmasked); a compaction the model wrote comes back with real
/// names and goes out again exactly as written; model lists carry no text and pass without a policy line.
/// </summary>
public class CompanionEndpointTests
{
    private const string Summary = "Summary: ";

    [Fact]
    public async Task An_Anthropic_token_count_is_masked_like_the_messages_it_counts()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, request) => Json(context, new JsonObject { ["input_tokens"] = request.Body.Length }));
        using var client = AnthropicClient(upstream, new MaskingHandler(new MaskingSession()));

        var count = await client.Messages.CountTokens(new MessageCountTokensParams
        {
            Model = "claude-sonnet-4-5",
            System = ProprietaryPrompt.System,
            Messages = [new UserMessageParam { Content = ProprietaryPrompt.Code }],
            Tools = [new Tool { Name = ProprietaryPrompt.ToolName, Description = ProprietaryPrompt.ToolDescription, InputSchema = JsonSerializer.Deserialize<InputSchema>(ProprietaryPrompt.ToolSchema)! }],
        });

        var request = Assert.Single(upstream.Received);
        Assert.Equal("/v1/messages/count_tokens", request.Path);
        ProprietaryPrompt.AssertNoLeak(request.Body);
        Assert.Contains("\"tools\"", request.Body);
        Assert.Equal(request.Body.Length, count.InputTokens); // the count of what was sent
    }

    [Fact]
    public async Task An_OpenAI_input_token_count_is_masked_like_the_response_it_counts()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
            Json(context, new JsonObject { ["object"] = "response.input_tokens", ["input_tokens"] = request.Body.Length }));
        var client = ResponsesClient(upstream, new MaskingHandler(new MaskingSession()));

        var result = await client.GetInputTokenCountAsync(BinaryContent.Create(BinaryData.FromString(ResponsesBody(ProprietaryPrompt.Code).ToJsonString())), "application/json");

        var request = Assert.Single(upstream.Received);
        Assert.Equal("/v1/responses/input_tokens", request.Path);
        ProprietaryPrompt.AssertNoLeak(request.Body);
        Assert.Equal(request.Body.Length, JsonNode.Parse(result.GetRawResponse().Content.ToString())!["input_tokens"]!.GetValue<int>());
    }

    [Fact]
    public async Task An_OpenAI_compaction_comes_back_with_real_names_and_its_encrypted_item_goes_out_again_untouched()
    {
        const string encrypted = "gAAAAABo-encrypted-compaction==";
        await using var upstream = await RecordingUpstream.StartAsync((context, request) => request.Path.EndsWith("/compact", StringComparison.Ordinal)
            ? Json(context, new JsonObject
            {
                ["id"] = "cmp_1",
                ["object"] = "response.compaction",
                ["output"] = new JsonArray(
                    new JsonObject
                    {
                        ["type"] = "message",
                        ["role"] = "user",
                        ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = Summary + request.Json["input"]![0]!["content"]![0]!["text"]!.GetValue<string>() }),
                    },
                    new JsonObject { ["type"] = "compaction", ["id"] = "cmp_item_1", ["encrypted_content"] = encrypted }),
                ["usage"] = new JsonObject { ["input_tokens"] = 100, ["output_tokens"] = 10, ["total_tokens"] = 110 },
            })
            : FakeResponses.RespondAsync(context, request));
        var client = ResponsesClient(upstream, new MaskingHandler(new MaskingSession()));

        var compacted = await client.CompactResponseAsync(BinaryContent.Create(BinaryData.FromString(ResponsesBody(ProprietaryPrompt.Code).ToJsonString())), "application/json");
        var output = JsonNode.Parse(compacted.GetRawResponse().Content.ToString())!["output"]!.AsArray();
        var next = ResponsesBody(ProprietaryPrompt.Question);
        next["input"] = new JsonArray(output[0]!.DeepClone(), output[1]!.DeepClone(), next["input"]![0]!.DeepClone());
        await client.CreateResponseAsync(BinaryContent.Create(BinaryData.FromString(next.ToJsonString())));

        Assert.Equal(Summary + ProprietaryPrompt.Code, output[0]!["content"]![0]!["text"]!.GetValue<string>());
        Assert.Equal(["/v1/responses/compact", "/v1/responses"], upstream.Received.Select(r => r.Path));
        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
        var replayed = upstream.Received.Last().Json["input"]![1]!;
        Assert.Equal("compaction", replayed["type"]!.GetValue<string>());
        Assert.Equal(encrypted, replayed["encrypted_content"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_Anthropic_compaction_streamed_in_pieces_comes_back_with_real_names_and_goes_out_again_as_the_model_wrote_it()
    {
        string? written = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            if (written is not null)
            {
                return FakeAnthropic.RespondAsync(context, request);
            }

            var first = request.Json["messages"]![0]!["content"]!.GetValue<string>();
            written = Summary + first.Substring(first.IndexOf("```", StringComparison.Ordinal));
            return SseWriter.WriteAsync(context, CompactionEvents(written));
        });
        using var client = AnthropicClient(upstream, new MaskingHandler(new MaskingSession()));
        var question = new Beta::BetaUserMessageParam { Content = ProprietaryPrompt.Code };

        var summary = new StringBuilder();
        await foreach (var streamEvent in client.Beta.Messages.CreateStreaming(new Beta::MessageCreateParams { Model = "claude-sonnet-4-5", MaxTokens = 1024, Messages = [question] }))
        {
            if (streamEvent.TryPickContentBlockDelta(out var delta) && delta!.Delta.TryPickCompaction(out var compaction))
            {
                summary.Append(compaction!.Content);
            }
        }

        await client.Beta.Messages.Create(new Beta::MessageCreateParams
        {
            Model = "claude-sonnet-4-5",
            MaxTokens = 1024,
            Messages =
            [
                new Beta::BetaAssistantMessageParam
                {
                    Content = new List<Beta::BetaContentBlockParam> { new Beta::BetaCompactionBlockParam { Content = summary.ToString(), EncryptedContent = "EqQBCkYIBxgC-opaque" } },
                },
                new Beta::BetaUserMessageParam { Content = ProprietaryPrompt.Question },
            ],
        });

        Assert.StartsWith(Summary + "```csharp\nnamespace Contoso.Pricing;", summary.ToString());
        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
        var replayed = upstream.Received.Last().Json["messages"]![0]!["content"]![0]!;
        Assert.Equal(written, replayed["content"]!.GetValue<string>());
        Assert.Equal("EqQBCkYIBxgC-opaque", replayed["encrypted_content"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_message_batch_goes_out_masked_and_its_results_come_back_with_real_names()
    {
        var asked = new Dictionary<string, string>();
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            if (request.Path.EndsWith("/results", StringComparison.Ordinal))
            {
                // One JSON line per request: the model echoes each question as it saw it (masked).
                context.Response.ContentType = "application/x-jsonl";
                return context.Response.WriteAsync(string.Join("\n", asked.Select(pair => new JsonObject
                {
                    ["custom_id"] = pair.Key,
                    ["result"] = new JsonObject { ["type"] = "succeeded", ["message"] = FakeAnthropic.Message(FakeAnthropic.EchoPrefix + pair.Value, null) },
                }.ToJsonString())) + "\n");
            }

            foreach (var batched in request.Json["requests"]!.AsArray())
            {
                asked[batched!["custom_id"]!.GetValue<string>()] = batched["params"]!["messages"]![0]!["content"]!.GetValue<string>();
            }

            return Json(context, JsonNode.Parse("""
                {"id":"msgbatch_1","type":"message_batch","processing_status":"ended","created_at":"2026-11-23T10:00:00Z","expires_at":"2026-11-24T10:00:00Z",
                 "ended_at":"2026-11-23T10:05:00Z","archived_at":null,"cancel_initiated_at":null,"results_url":null,
                 "request_counts":{"processing":0,"succeeded":2,"errored":0,"canceled":0,"expired":0}}
                """)!);
        });
        using var client = AnthropicClient(upstream, new MaskingHandler(new MaskingSession()));
        Anthropic.Models.Messages.Batches.Request Ask(string id, string question) => new()
        {
            CustomID = id,
            Params = new Anthropic.Models.Messages.Batches.Params { Model = "claude-sonnet-4-5", MaxTokens = 256, Messages = [new UserMessageParam { Content = question }] },
        };

        var batch = await client.Messages.Batches.Create(new Anthropic.Models.Messages.Batches.BatchCreateParams
        {
            Requests = [Ask("review", ProprietaryPrompt.Code), Ask("rename", ProprietaryPrompt.Question)],
        });
        var answers = new Dictionary<string, string>();
        await foreach (var result in client.Messages.Batches.ResultsStreaming(batch.ID))
        {
            Assert.True(result.Result.TryPickSucceeded(out var succeeded));
            Assert.True(succeeded!.Message.Content[0].TryPickText(out var text));
            answers[result.CustomID] = text!.Text;
        }

        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
        Assert.Equal(["/v1/messages/batches", "/v1/messages/batches/msgbatch_1/results"], upstream.Received.Select(r => r.Path));
        Assert.Equal(FakeAnthropic.EchoPrefix + ProprietaryPrompt.Question, answers["rename"]);
        Assert.Contains("OrderPricingEngine", answers["review"]);
    }

    [Fact]
    public async Task Model_lists_pass_without_a_policy_line_and_are_audited()
    {
        var audit = new List<MaskingAuditRecord>();
        await using var upstream = await RecordingUpstream.StartAsync((context, request) => Json(context, request.Path.Contains("/openai/", StringComparison.Ordinal)
            ? JsonNode.Parse("""{"object":"list","data":[{"id":"gpt-4.1","object":"model","created":1700000000,"owned_by":"openai"}]}""")!
            : JsonNode.Parse("""{"data":[{"type":"model","id":"claude-sonnet-4-5","display_name":"Claude Sonnet 4.5","created_at":"2025-09-29T00:00:00Z"}],"has_more":false,"first_id":"claude-sonnet-4-5","last_id":"claude-sonnet-4-5"}""")!));
        MaskingHandler Handler()
        {
            var options = MaskingHandlerOptions.ForSession(new MaskingSession());
            options.Audit = audit.Add;
            return new MaskingHandler(options, new HttpClientHandler());
        }

        using var anthropic = AnthropicClient(upstream, Handler());
        var openAI = new OpenAIModelClient(new ApiKeyCredential("sk-openai-test-credential"), new OpenAIClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/openai/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(Handler())),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

        var claude = await anthropic.Models.List();
        OpenAIModelCollection gpt = await openAI.GetModelsAsync();

        Assert.Equal("claude-sonnet-4-5", Assert.Single(claude.Items).ID);
        Assert.Equal("gpt-4.1", Assert.Single(gpt).Id);
        Assert.Equal(["/v1/models", "/openai/v1/models"], upstream.Received.Select(r => r.Path));
        Assert.All(audit, record => Assert.Equal((nameof(AiApi.ModelList), false, 200), (record.Api, record.Blocked, record.Status)));
        Assert.Equal(2, audit.Count);
    }

    [Fact]
    public async Task A_model_list_request_with_a_body_is_refused()
    {
        await using var upstream = await RecordingUpstream.StartAsync((context, _) => Json(context, new JsonObject()));
        using var http = new HttpClient(new MaskingHandler(new MaskingSession()) { InnerHandler = new HttpClientHandler() });

        using var response = await http.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(upstream.Address, "/v1/models"))
        {
            Content = new StringContent(ProprietaryPrompt.Code),
        });

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("carries a body", await response.Content.ReadAsStringAsync());
        Assert.Empty(upstream.Received);
    }

    private static IEnumerable<(string? Name, string Data)> CompactionEvents(string summary)
    {
        var start = FakeAnthropic.Message(string.Empty, null);
        start["content"] = new JsonArray();
        yield return FakeAnthropic.Event("message_start", new JsonObject { ["message"] = start });
        yield return FakeAnthropic.Event("content_block_start", new JsonObject { ["index"] = 0, ["content_block"] = new JsonObject { ["type"] = "compaction", ["content"] = null } });
        foreach (var piece in SseWriter.Pieces(summary, 5))
        {
            yield return FakeAnthropic.Event("content_block_delta", new JsonObject { ["index"] = 0, ["delta"] = new JsonObject { ["type"] = "compaction_delta", ["content"] = piece } });
        }

        yield return FakeAnthropic.Event("content_block_stop", new JsonObject { ["index"] = 0 });
        yield return FakeAnthropic.Event("message_delta", new JsonObject { ["delta"] = new JsonObject { ["stop_reason"] = "end_turn", ["stop_sequence"] = null }, ["usage"] = new JsonObject { ["output_tokens"] = 42 } });
        yield return FakeAnthropic.Event("message_stop", new JsonObject());
    }

    private static JsonObject ResponsesBody(string userText) => new()
    {
        ["model"] = "gpt-5",
        ["instructions"] = ProprietaryPrompt.System,
        ["input"] = new JsonArray(new JsonObject
        {
            ["type"] = "message",
            ["role"] = "user",
            ["content"] = new JsonArray(new JsonObject { ["type"] = "input_text", ["text"] = userText }),
        }),
    };

    private static Task Json(HttpContext context, JsonNode body)
    {
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(body.ToJsonString());
    }

    private static AnthropicClient AnthropicClient(RecordingUpstream upstream, MaskingHandler handler)
    {
        handler.InnerHandler ??= new HttpClientHandler();
        return new AnthropicClient(new ClientOptions
        {
            BaseUrl = upstream.Address.ToString().TrimEnd('/'),
            HttpClient = new HttpClient(handler),
            ApiKey = "sk-ant-test-credential",
            MaxRetries = 0,
        });
    }

    private static ResponsesClient ResponsesClient(RecordingUpstream upstream, MaskingHandler handler)
    {
        handler.InnerHandler ??= new HttpClientHandler();
        return new ResponsesClient(new ApiKeyCredential("sk-openai-test-credential"), new ResponsesClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(handler)),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });
    }
}
