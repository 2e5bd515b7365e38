namespace Contoso.Commerce.Domain;

/// <summary>One product on an order, with the unit price that was valid when the line was added.</summary>
public sealed record OrderLine(string Sku, string Description, int Quantity, Money UnitPrice)
{
    public Money LineTotal => UnitPrice * Quantity;

    public OrderLine WithQuantity(int quantity) => this with { Quantity = quantity };
}
