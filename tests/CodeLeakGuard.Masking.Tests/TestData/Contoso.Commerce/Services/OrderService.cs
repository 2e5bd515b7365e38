using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;
using Contoso.Commerce.Persistence;
using Contoso.Commerce.Pricing;

namespace Contoso.Commerce.Services;

/// <summary>A line the customer wants, as the storefront sends it.</summary>
public sealed record CartItem(string Sku, int Quantity);

/// <summary>
/// The order use cases: place, cancel, look up. <see cref="PlaceOrderAsync"/> prices the cart with the
/// <see cref="IPricingEngine"/> and commits through a <see cref="UnitOfWork"/> so the <see cref="OrderPlaced"/> event
/// is published exactly once.
/// </summary>
public sealed class OrderService
{
    private readonly OrderRepository _orders;
    private readonly CustomerRepository _customers;
    private readonly IPricingEngine _pricing;
    private readonly PriceList _priceList;
    private readonly EventBus _events;
    private readonly IClock _clock;
    private readonly ILog _log;

    public OrderService(OrderRepository orders, CustomerRepository customers, IPricingEngine pricing, PriceList priceList, EventBus events, IClock clock, ILog log)
    {
        _orders = orders;
        _customers = customers;
        _pricing = pricing;
        _priceList = priceList;
        _events = events;
        _clock = clock;
        _log = log;
    }

    public async Task<Result<Order>> PlaceOrderAsync(string customerNumber, IReadOnlyCollection<CartItem> cart, string? couponCode, CancellationToken cancellationToken = default)
    {
        Guard.NotEmpty(cart);
        var customer = await _customers.FindByNumberAsync(customerNumber, cancellationToken).ConfigureAwait(false);
        if (customer is null)
        {
            return Result<Order>.Failure($"Unknown customer {customerNumber}.");
        }

        if (customer.BillingAddress is not { } address)
        {
            return Result<Order>.Failure($"Customer {customerNumber} has no billing address.");
        }

        var order = new Order(Guid.NewGuid(), customer.CustomerNumber, _priceList.Currency, address) { CouponCode = couponCode };
        foreach (var item in cart)
        {
            if (!_priceList.TryGetPrice(item.Sku, out var price))
            {
                return Result<Order>.Failure($"SKU {item.Sku} is not in price list {_priceList.Name}.");
            }

            order.AddLine(item.Sku, item.Sku, item.Quantity, price);
        }

        var breakdown = await _pricing.PriceAsync(order, customer, cancellationToken).ConfigureAwait(false);
        await using var work = new UnitOfWork(_events);
        work.Track(order).Place(breakdown.Total, _clock.Now);
        await _orders.AddAsync(order, cancellationToken).ConfigureAwait(false);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        _log.Info($"OrderService placed order {order.Id} for {customer.CustomerNumber}: {breakdown.Total}");
        return Result<Order>.Success(order);
    }

    public async Task<bool> CancelOrderAsync(Guid orderId, string reason, CancellationToken cancellationToken = default)
    {
        var order = await _orders.FindAsync(orderId, cancellationToken).ConfigureAwait(false);
        if (order is null || order.Status == OrderStatus.Shipped)
        {
            return false;
        }

        await using var work = new UnitOfWork(_events);
        work.Track(order).Cancel(reason, _clock.Now);
        await work.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<OrderSummary>> RecentOrdersAsync(string customerNumber, int take = 10, CancellationToken cancellationToken = default)
    {
        var orders = await _orders.ForCustomerAsync(customerNumber, cancellationToken).ConfigureAwait(false);
        return orders
            .Where(o => o.PlacedAt.HasValue)
            .OrderByDescending(o => o.PlacedAt)
            .Take(take)
            .Select(o => new OrderSummary(o.Id, o.PlacedAt!.Value, o.Status, o.Subtotal, o.ItemCount))
            .ToList();
    }
}

public sealed record OrderSummary(Guid OrderId, DateTimeOffset PlacedAt, OrderStatus Status, Money Subtotal, int ItemCount);
