using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Contoso.Commerce.Domain;
using Contoso.Commerce.Infrastructure;

namespace Contoso.Commerce.Services;

/// <summary>Splits an order into parcels and books them with a carrier.</summary>
public sealed class ShippingService
{
    public const decimal MaxParcelWeightKg = 31.5m;

    private readonly IReadOnlyDictionary<string, Product> _catalog;
    private readonly ICarrierGateway _carrier;
    private readonly IClock _clock;

    public ShippingService(IReadOnlyDictionary<string, Product> catalog, ICarrierGateway carrier, IClock clock)
    {
        _catalog = catalog;
        _carrier = carrier;
        _clock = clock;
    }

    public IReadOnlyList<Shipment> PlanParcels(Order order)
    {
        var parcels = new List<Shipment>();
        var current = 0m;
        foreach (var line in order.Lines)
        {
            if (!_catalog.TryGetValue(line.Sku, out var product) || !product.RequiresShipping)
            {
                continue;
            }

            for (var i = 0; i < line.Quantity; i++)
            {
                if (current + product.WeightKg > MaxParcelWeightKg && current > 0)
                {
                    parcels.Add(new Shipment(Guid.NewGuid(), order.Id, order.ShippingAddress, current));
                    current = 0m;
                }

                current += product.WeightKg;
            }
        }

        if (current > 0)
        {
            parcels.Add(new Shipment(Guid.NewGuid(), order.Id, order.ShippingAddress, current));
        }

        return parcels;
    }

    public async Task DispatchAsync(IEnumerable<Shipment> shipments, CancellationToken cancellationToken = default)
    {
        var tasks = shipments.Select(async shipment =>
        {
            var booking = await _carrier.BookAsync(shipment.Destination, shipment.WeightKg, cancellationToken).ConfigureAwait(false);
            shipment.Dispatch(booking.Carrier, booking.TrackingCode, _clock.Now);
        });
        await Task.WhenAll(tasks).ConfigureAwait(false);
    }
}

public sealed record CarrierBooking(string Carrier, string TrackingCode, decimal Price);

public interface ICarrierGateway
{
    Task<CarrierBooking> BookAsync(Address destination, decimal weightKg, CancellationToken cancellationToken);
}
