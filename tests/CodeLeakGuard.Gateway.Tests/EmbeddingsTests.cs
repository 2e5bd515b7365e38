using System.ClientModel;
using System.ClientModel.Primitives;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CodeLeakGuard.Masking;
using CodeLeakGuard.Masking.Http;
using OpenAI;
using OpenAI.Embeddings;

namespace CodeLeakGuard.Gateway.Tests;

/// <summary>
/// Embeddings, as a code-search indexer sends each chunk of a code base: the real OpenAI SDK's embedding client through
/// the handler and through the gateway, with the real masking session, to a fake provider on loopback.
/// </summary>
public class EmbeddingsTests
{
    private const string Chunk = """
        namespace Contoso.Pricing;

        public sealed class OrderPricingEngine
        {
            public decimal ComputeMargin(decimal basePrice) => basePrice * 0.42m;
        }
        """;

    private const string Query = "where does OrderPricingEngine compute the margin?";

    private static EmbeddingClient Client(Uri endpoint, HttpMessageHandler? handler = null) => new(
        "text-embedding-3-small",
        new ApiKeyCredential("sk-test"),
        new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = handler is null ? null : new HttpClientPipelineTransport(new HttpClient(handler)),
        });

    [Fact]
    public async Task Every_input_is_masked_with_one_pseudonym_per_name_and_the_vectors_come_back_untouched()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var handler = new MaskingHandler(new MaskingSession(), new HttpClientHandler());
        var client = Client(new Uri(upstream.Address, "/v1"), handler);

        OpenAIEmbeddingCollection embeddings = await client.GenerateEmbeddingsAsync([Chunk, Query]);

        var inputs = JsonNode.Parse(Assert.Single(upstream.Received).Body)!["input"]!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        Assert.All(inputs, input => Assert.DoesNotContain("OrderPricingEngine", input));
        Assert.All(inputs, input => Assert.DoesNotContain("Contoso", input));
        Assert.DoesNotContain("ComputeMargin", inputs[0]);
        Assert.Contains("decimal", inputs[0]);
        Assert.Contains(PseudonymOfTheClass(inputs[0]), inputs[1]); // the query finds the chunk under the same name
        Assert.Equal(FakeUpstream.Vectors[0], embeddings[0].ToFloats().ToArray());
        Assert.Equal(FakeUpstream.Vectors[1], embeddings[1].ToFloats().ToArray());
    }

    [Fact]
    public async Task Token_ids_cannot_be_masked_and_are_refused_before_anything_is_sent()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var client = Client(new Uri(upstream.Address, "/v1"), new MaskingHandler(new MaskingSession(), new HttpClientHandler()));

        var refused = await Assert.ThrowsAsync<ClientResultException>(() => client.GenerateEmbeddingsAsync(new[] { new ReadOnlyMemory<int>([15339, 1917]) }));

        Assert.Equal(400, refused.Status);
        Assert.Contains("token ids", refused.Message);
        Assert.Empty(upstream.Received);
    }

    [Fact]
    public async Task Through_the_gateway_the_embeddings_of_one_credential_share_one_session()
    {
        await using var upstream = await FakeUpstream.StartAsync();
        var gateway = await TestGateway.StartAsync(new GatewayOptions
        {
            Upstreams = [new Upstream("openai", upstream.Address)],
            NewSession = TestGateway.RealSession,
        });
        await using var _ = gateway;
        var client = Client(new Uri(gateway.Address, "/v1"));

        await client.GenerateEmbeddingAsync(Chunk); // indexing
        OpenAIEmbedding query = await client.GenerateEmbeddingAsync(Query); // searching, later

        var sent = upstream.Received.Select(r => JsonNode.Parse(r.Body)!["input"]!.GetValue<string>()).ToList();
        Assert.Equal(2, sent.Count);
        Assert.DoesNotContain("OrderPricingEngine", sent[1]);
        Assert.Contains(PseudonymOfTheClass(sent[0]), sent[1]);
        Assert.Equal(FakeUpstream.Vectors[0], query.ToFloats().ToArray());
    }

    private static string PseudonymOfTheClass(string maskedChunk)
    {
        var declaration = Regex.Match(maskedChunk, @"sealed class (\w+)");
        Assert.True(declaration.Success, maskedChunk);
        return declaration.Groups[1].Value;
    }
}
