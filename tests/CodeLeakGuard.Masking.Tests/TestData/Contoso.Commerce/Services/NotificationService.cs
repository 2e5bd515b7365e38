using System;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;

namespace Contoso.Commerce.Services;

/// <summary>Tells people about orders: the customer by e-mail, the ops channel by chat webhook.</summary>
public sealed class NotificationService
{
    private const string OpsWebhook = "{{SECRET:SlackWebhook}}";
    private const string SenderAddress = "orders@contoso-commerce.example";
    private const string EscalationContact = "maria.keller@contoso.com";

    private readonly HttpClient _http;
    private readonly IMailSender _mail;
    private readonly ILog _log;

    public NotificationService(HttpClient http, IMailSender mail, ILog log)
    {
        _http = http;
        _mail = mail;
        _log = log;
    }

    public Task OnOrderPlacedAsync(OrderPlaced placed, CancellationToken cancellationToken) =>
        _http.PostAsJsonAsync(OpsWebhook, new { text = $"New order {placed.OrderId} from {placed.CustomerNumber}: {placed.Total}" }, cancellationToken);

    public async Task OnShipmentDispatchedAsync(ShipmentDispatched dispatched, Customer customer, CancellationToken cancellationToken)
    {
        var subject = $"Your order is on its way ({dispatched.Carrier} {dispatched.TrackingCode})";
        await _mail.SendAsync(SenderAddress, customer.Email, subject, $"Hello {customer.DisplayName}, your parcel left our warehouse.", cancellationToken).ConfigureAwait(false);
        _log.Info($"NotificationService told {customer.CustomerNumber} about shipment {dispatched.ShipmentId}");
    }

    public Task EscalateAsync(string problem, CancellationToken cancellationToken) =>
        _mail.SendAsync(SenderAddress, EscalationContact, "Order pipeline needs attention", problem, cancellationToken);
}

public interface IMailSender
{
    Task SendAsync(string from, string to, string subject, string body, CancellationToken cancellationToken);
}
