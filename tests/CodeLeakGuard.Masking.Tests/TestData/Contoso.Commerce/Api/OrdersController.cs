using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Persistence;
using Contoso.Commerce.Services;

namespace Contoso.Commerce.Api;

public sealed record PlaceOrderRequest(string CustomerNumber, List<CartItem> Items, string? CouponCode);

/// <summary>POST /api/orders places an order; GET /api/orders/{id} reads one. Talks only to <see cref="OrderService"/>.</summary>
[Route("api/orders")]
public sealed class OrdersController : ApiController
{
    private readonly OrderService _service;
    private readonly OrderRepository _orders;

    public OrdersController(OrderService service, OrderRepository orders)
    {
        _service = service;
        _orders = orders;
    }

    [HttpPost]
    public async Task<ApiResult> PlaceAsync(PlaceOrderRequest request, CancellationToken cancellationToken)
    {
        if (request.Items is null || request.Items.Count == 0)
        {
            return BadRequest("An order needs at least one item.");
        }

        if (request.Items.Any(i => i.Quantity <= 0))
        {
            return BadRequest($"Every {nameof(CartItem.Quantity)} must be positive.");
        }

        var result = await _service.PlaceOrderAsync(request.CustomerNumber, request.Items, request.CouponCode, cancellationToken);
        return result.Match(
            order => Created($"/api/orders/{order.Id}", new { order.Id, order.Status, total = order.Subtotal.ToString() }),
            error => BadRequest(error));
    }

    [HttpGet("{id}")]
    public async Task<ApiResult> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var order = await _orders.FindAsync(id, cancellationToken);
        return order is null
            ? NotFound($"Order {id}")
            : Ok(new { order.Id, order.CustomerNumber, order.Status, lines = order.Lines.Select(l => new { l.Sku, l.Quantity, price = l.UnitPrice.ToString() }) });
    }

    [HttpPost("{id}/cancel")]
    public async Task<ApiResult> CancelAsync(Guid id, string reason, CancellationToken cancellationToken) =>
        await _service.CancelOrderAsync(id, reason, cancellationToken) ? Ok() : NotFound($"Cancellable order {id}");
}
