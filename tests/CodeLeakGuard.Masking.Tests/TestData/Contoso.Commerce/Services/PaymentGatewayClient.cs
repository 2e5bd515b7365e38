using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;

namespace Contoso.Commerce.Services;

/// <summary>Captures card payments through the payment service provider's REST API.</summary>
public sealed class PaymentGatewayClient
{
    // Live keys belong in the vault; this one is the staging key the team shares. {{SECRET:StripeKey}}
    private const string StagingSecretKey = "{{SECRET:StripeKey}}";
    private static readonly Uri BaseAddress = new("https://payments.contoso-commerce.example/v1/");

    private readonly HttpClient _http;
    private readonly RetryPolicy _retry;

    public PaymentGatewayClient(HttpClient http, RetryPolicy retry)
    {
        _http = http;
        _retry = retry;
        _http.BaseAddress ??= BaseAddress;
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", StagingSecretKey);
    }

    public async Task<string> CaptureAsync(Payment payment, CancellationToken cancellationToken = default)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["amount"] = (long)(payment.Amount.Amount * 100),
            ["currency"] = payment.Amount.Currency.ToLowerInvariant(),
            ["metadata"] = new { orderId = payment.OrderId, paymentId = payment.Id },
        });

        return await _retry.ExecuteAsync(async ct =>
        {
            using var content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await _http.PostAsync("charges", content, ct).ConfigureAwait(false);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false));
            return json.RootElement.GetProperty("id").GetString() ?? throw new InvalidOperationException("The gateway returned no charge id.");
        }, cancellationToken).ConfigureAwait(false);
    }
}
