using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text;
using System.Text.Json;
using CodeLeakGuard.Gateway.Tests.Fakes;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using Microsoft.AspNetCore.Http;
using OpenAI.Responses;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// The real OpenAI 2.15.0 Responses client (experimental in that SDK: OPENAI001 is suppressed for this project),
/// with the masking handler and the real masking session, against a fake Responses API on loopback.
/// </summary>
public class OpenAIResponsesSdkTests
{
    private static ResponsesClient Client(RecordingUpstream upstream, MaskingSession session) => new(
        new ApiKeyCredential("sk-openai-test-credential"),
        new ResponsesClientOptions
        {
            Endpoint = new Uri(upstream.Address, "/v1"),
            Transport = new HttpClientPipelineTransport(new HttpClient(new MaskingHandler(session) { InnerHandler = new HttpClientHandler() })),
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
        });

    /// <summary>Instructions, a user message, a function tool, a function call and its output, then the question.</summary>
    private static CreateResponseOptions Conversation(bool stream) => new("gpt-4.1",
    [
        ResponseItem.CreateUserMessageItem(ProprietaryPrompt.Code),
        ResponseItem.CreateFunctionCallItem("call_1", ProprietaryPrompt.ToolName, BinaryData.FromObjectAsJson(new Dictionary<string, string>
        {
            ["symbol"] = ProprietaryPrompt.ToolCallSymbol,
            ["api_key"] = ProprietaryPrompt.ToolCallKey,
        })),
        ResponseItem.CreateFunctionCallOutputItem("call_1", ProprietaryPrompt.ToolResult),
        ResponseItem.CreateUserMessageItem([ResponseContentPart.CreateInputTextPart(ProprietaryPrompt.Question)]),
    ])
    {
        Instructions = ProprietaryPrompt.System,
        Tools = { ResponseTool.CreateFunctionTool(ProprietaryPrompt.ToolName, BinaryData.FromString(ProprietaryPrompt.ToolSchema), strictModeEnabled: false, ProprietaryPrompt.ToolDescription) },
        StreamingEnabled = stream ? true : null,
    };

    [Fact]
    public async Task A_whole_response_comes_back_with_real_names_and_nothing_proprietary_left()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeResponses.RespondAsync);
        var client = Client(upstream, new MaskingSession());

        ResponseResult response = await client.CreateResponseAsync(Conversation(stream: false));

        var request = Assert.Single(upstream.Received);
        Assert.EndsWith("/v1/responses", request.Path);
        Assert.Equal("Bearer sk-openai-test-credential", request.Headers["Authorization"]);
        ProprietaryPrompt.AssertNoLeak(request.Body);
        Assert.Contains("\"function_call_output\"", request.Body);
        Assert.Contains("\"instructions\"", request.Body);
        Assert.Contains("\"parameters\"", request.Body);

        Assert.Equal(FakeResponses.EchoPrefix + ProprietaryPrompt.Question, response.GetOutputText());
        var call = Assert.Single(response.OutputItems.OfType<FunctionCallResponseItem>());
        Assert.Equal(ProprietaryPrompt.ToolCallSymbol, JsonDocument.Parse(call.FunctionArguments).RootElement.GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task A_streamed_response_split_inside_pseudonyms_comes_back_with_real_names()
    {
        await using var upstream = await RecordingUpstream.StartAsync(FakeResponses.RespondAsync);
        var client = Client(upstream, new MaskingSession());

        var text = new StringBuilder();
        var arguments = new StringBuilder();
        string? completedText = null;
        await foreach (var update in await client.CreateResponseStreamingAsync(Conversation(stream: true)))
        {
            switch (update)
            {
                case StreamingResponseOutputTextDeltaUpdate delta:
                    text.Append(delta.Delta);
                    break;
                case StreamingResponseFunctionCallArgumentsDeltaUpdate argumentsDelta:
                    arguments.Append(argumentsDelta.Delta.ToString());
                    break;
                case StreamingResponseCompletedUpdate completed:
                    completedText = completed.Response.GetOutputText();
                    break;
            }
        }

        var request = Assert.Single(upstream.Received);
        Assert.True(request.Streamed);
        ProprietaryPrompt.AssertNoLeak(request.Body);
        Assert.Equal(FakeResponses.EchoPrefix + ProprietaryPrompt.Question, text.ToString());
        Assert.Equal(FakeResponses.EchoPrefix + ProprietaryPrompt.Question, completedText);
        Assert.Equal(ProprietaryPrompt.ToolCallSymbol, JsonDocument.Parse(arguments.ToString()).RootElement.GetProperty("symbol").GetString());
    }

    [Fact]
    public async Task A_background_response_polled_by_id_comes_back_with_real_names()
    {
        string? stored = null;
        await using var upstream = await RecordingUpstream.StartAsync((context, request) =>
        {
            context.Response.ContentType = "application/json";
            if (HttpMethods.IsPost(context.Request.Method))
            {
                stored = FakeResponses.EchoPrefix + FakeResponses.LastUserText(request.Json); // what the model saw: masked
                return context.Response.WriteAsync(FakeResponses.Response("queued").ToJsonString());
            }

            return context.Response.WriteAsync(FakeResponses.Response("completed", FakeResponses.Message(stored!)).ToJsonString());
        });
        var client = Client(upstream, new MaskingSession());
        var options = Conversation(stream: false);
        options.BackgroundModeEnabled = true;

        ResponseResult queued = await client.CreateResponseAsync(options);
        ResponseResult done = await client.GetResponseAsync(queued.Id);

        Assert.Equal(ResponseStatus.Queued, queued.Status);
        Assert.Equal(FakeResponses.EchoPrefix + ProprietaryPrompt.Question, done.GetOutputText());
        Assert.NotEqual(done.GetOutputText(), stored); // the provider kept it in pseudonyms
        Assert.Equal(["/v1/responses", "/v1/responses/resp_fake"], upstream.Received.Select(r => r.Path));
        ProprietaryPrompt.AssertNoLeak(upstream.AllBodies);
    }
}
