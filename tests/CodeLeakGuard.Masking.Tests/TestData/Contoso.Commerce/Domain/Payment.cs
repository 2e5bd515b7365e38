using System;

namespace Contoso.Commerce.Domain;

public enum PaymentMethod
{
    CreditCard,
    BankTransfer,
    Invoice,
    Wallet,
}

/// <summary>A payment against an order, captured through <c>PaymentGatewayClient</c>.</summary>
public sealed class Payment : Entity<Guid>
{
    public Payment(Guid id, Guid orderId, Money amount, PaymentMethod method)
        : base(id)
    {
        OrderId = orderId;
        Amount = amount;
        Method = method;
    }

    public Guid OrderId { get; }

    public Money Amount { get; }

    public PaymentMethod Method { get; }

    public string? GatewayReference { get; private set; }

    public bool IsCaptured => GatewayReference is not null;

    public void Capture(string gatewayReference, DateTimeOffset now)
    {
        GatewayReference = gatewayReference ?? throw new ArgumentNullException(nameof(gatewayReference));
        Raise(new PaymentCaptured(Id, OrderId, Amount, now));
    }
}
