using System;

namespace Contoso.Commerce.Domain;

public enum ShipmentState
{
    Pending,
    Dispatched,
    Delivered,
    Returned,
}

/// <summary>A parcel for an order. The carrier's tracking code arrives when the parcel is dispatched.</summary>
public sealed class Shipment : Entity<Guid>
{
    public Shipment(Guid id, Guid orderId, Address destination, decimal weightKg)
        : base(id)
    {
        OrderId = orderId;
        Destination = destination;
        WeightKg = weightKg;
    }

    public Guid OrderId { get; }

    public Address Destination { get; }

    public decimal WeightKg { get; }

    public ShipmentState State { get; private set; }

    public string? Carrier { get; private set; }

    public string? TrackingCode { get; private set; }

    public void Dispatch(string carrier, string trackingCode, DateTimeOffset now)
    {
        if (State != ShipmentState.Pending)
        {
            throw new InvalidOperationException($"Shipment {Id} was already {State}.");
        }

        Carrier = carrier;
        TrackingCode = trackingCode;
        State = ShipmentState.Dispatched;
        Raise(new ShipmentDispatched(Id, OrderId, carrier, trackingCode, now));
    }

    public void ConfirmDelivery() => State = ShipmentState.Delivered;
}
