using System;
using System.Collections.Generic;
using System.Linq;

namespace Contoso.Commerce.Domain;

/// <summary>
/// An order placed by a <see cref="Customer"/>. Lines can change while the order is a draft; once placed, only
/// <see cref="Cancel(string, DateTimeOffset)"/>, <see cref="MarkPaid"/> and <see cref="MarkShipped"/> move it on.
/// </summary>
public sealed class Order : Entity<Guid>
{
    private readonly List<OrderLine> _lines = new();

    public Order(Guid id, string customerNumber, string currency, Address shippingAddress)
        : base(id)
    {
        CustomerNumber = customerNumber;
        Currency = currency;
        ShippingAddress = shippingAddress;
    }

    public string CustomerNumber { get; }

    public string Currency { get; }

    public Address ShippingAddress { get; private set; }

    public OrderStatus Status { get; private set; } = OrderStatus.Draft;

    public DateTimeOffset? PlacedAt { get; private set; }

    public string? CouponCode { get; set; }

    public IReadOnlyList<OrderLine> Lines => _lines;

    public Money Subtotal => _lines.Aggregate(Money.Zero(Currency), (sum, line) => sum + line.LineTotal);

    public int ItemCount => _lines.Sum(l => l.Quantity);

    public void AddLine(string sku, string description, int quantity, Money unitPrice)
    {
        EnsureDraft();
        if (quantity <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(quantity), quantity, "Quantity must be positive.");
        }

        var existing = _lines.FindIndex(l => l.Sku == sku);
        if (existing >= 0)
        {
            _lines[existing] = _lines[existing].WithQuantity(_lines[existing].Quantity + quantity);
            return;
        }

        _lines.Add(new OrderLine(sku, description, quantity, unitPrice));
    }

    public bool RemoveLine(string sku)
    {
        EnsureDraft();
        return _lines.RemoveAll(l => l.Sku == sku) > 0;
    }

    public void ChangeShippingAddress(Address address)
    {
        if (Status is OrderStatus.Shipped or OrderStatus.Cancelled)
        {
            throw new InvalidOperationException($"Order {Id} is {Status} and cannot be redirected.");
        }

        ShippingAddress = address;
    }

    public void Place(Money total, DateTimeOffset now)
    {
        EnsureDraft();
        if (_lines.Count == 0)
        {
            throw new InvalidOperationException("An empty order cannot be placed.");
        }

        Status = OrderStatus.Placed;
        PlacedAt = now;
        Raise(new OrderPlaced(Id, CustomerNumber, total, now));
    }

    public void MarkPaid() => Transition(OrderStatus.Placed, OrderStatus.Paid);

    public void MarkShipped() => Transition(OrderStatus.Paid, OrderStatus.Shipped);

    public void Cancel(string reason, DateTimeOffset now)
    {
        if (Status is OrderStatus.Shipped or OrderStatus.Cancelled)
        {
            throw new InvalidOperationException($"Order {Id} cannot be cancelled in status {Status}.");
        }

        Status = OrderStatus.Cancelled;
        Raise(new OrderCancelled(Id, reason, now));
    }

    private void Transition(OrderStatus from, OrderStatus to)
    {
        if (Status != from)
        {
            throw new InvalidOperationException($"Order {Id} must be {from} to become {to}, but is {Status}.");
        }

        Status = to;
    }

    private void EnsureDraft()
    {
        if (Status != OrderStatus.Draft)
        {
            throw new InvalidOperationException($"Order {Id} is no longer a draft.");
        }
    }
}
