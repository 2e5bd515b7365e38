using System;

namespace Contoso.Commerce.Domain;

/// <summary>Something that happened in the domain and that other parts of the system may react to.</summary>
public interface IDomainEvent
{
    DateTimeOffset OccurredAt { get; }
}

public sealed record OrderPlaced(Guid OrderId, string CustomerNumber, Money Total, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record OrderCancelled(Guid OrderId, string Reason, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record InvoiceIssued(string InvoiceNumber, Guid OrderId, Money Amount, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record PaymentCaptured(Guid PaymentId, Guid OrderId, Money Amount, DateTimeOffset OccurredAt) : IDomainEvent;

public sealed record ShipmentDispatched(Guid ShipmentId, Guid OrderId, string Carrier, string TrackingCode, DateTimeOffset OccurredAt) : IDomainEvent;

/// <summary>Raised when the loyalty tier of a customer changes after an order is paid.</summary>
public sealed record LoyaltyTierChanged(string CustomerNumber, LoyaltyTier From, LoyaltyTier To, DateTimeOffset OccurredAt) : IDomainEvent;
