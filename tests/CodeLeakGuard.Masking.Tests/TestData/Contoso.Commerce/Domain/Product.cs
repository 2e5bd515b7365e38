using System;

namespace Contoso.Commerce.Domain;

public enum ProductCategory
{
    Hardware,
    Software,
    Subscription,
    Service,
}

/// <summary>Something the shop sells. Prices live in a <c>PriceList</c>, not on the product.</summary>
public sealed class Product : Entity<string>
{
    public Product(string sku, string name, ProductCategory category, decimal weightKg = 0m)
        : base(sku)
    {
        Name = name;
        Category = category;
        WeightKg = weightKg;
    }

    public string Sku => Id;

    public string Name { get; }

    public ProductCategory Category { get; }

    public decimal WeightKg { get; }

    public bool IsDigital => Category is ProductCategory.Software or ProductCategory.Subscription;

    public bool RequiresShipping => !IsDigital && WeightKg > 0m;
}
