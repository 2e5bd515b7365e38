namespace Contoso.Commerce.Domain;

/// <summary>The life cycle of an <see cref="Order"/>: Draft, Placed, Paid, Shipped, and Cancelled at any point before shipping.</summary>
public enum OrderStatus
{
    Draft,
    Placed,
    Paid,
    Shipped,
    Cancelled,
}
