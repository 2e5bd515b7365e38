using System;
using System.Collections.Generic;

namespace Contoso.Commerce.Domain;

public enum LoyaltyTier
{
    Standard = 0,
    Silver = 1,
    Gold = 2,
    Platinum = 3,
}

/// <summary>
/// A customer of the shop. <see cref="CustomerNumber"/> is what appears on invoices; the <see cref="Entity{TKey}.Id"/>
/// never leaves the system.
/// </summary>
public sealed class Customer : Entity<Guid>
{
    private readonly List<Address> _addresses = new();

    public Customer(Guid id, string customerNumber, string displayName, string email)
        : base(id)
    {
        CustomerNumber = customerNumber ?? throw new ArgumentNullException(nameof(customerNumber));
        DisplayName = displayName;
        Email = email;
    }

    public string CustomerNumber { get; }

    public string DisplayName { get; private set; }

    public string Email { get; private set; }

    public LoyaltyTier Tier { get; private set; } = LoyaltyTier.Standard;

    public decimal LifetimeRevenue { get; private set; }

    public IReadOnlyList<Address> Addresses => _addresses;

    public Address? BillingAddress => _addresses.Count > 0 ? _addresses[0] : null;

    public void AddAddress(Address address)
    {
        if (!_addresses.Contains(address))
        {
            _addresses.Add(address);
        }
    }

    public void Rename(string displayName)
    {
        if (string.IsNullOrWhiteSpace(displayName))
        {
            throw new ArgumentException("A customer needs a display name.", nameof(displayName));
        }

        DisplayName = displayName.Trim();
    }

    /// <summary>Adds a paid order's net revenue and promotes the customer when a threshold is crossed.</summary>
    public void RecordRevenue(decimal netRevenue, DateTimeOffset now)
    {
        LifetimeRevenue += netRevenue;
        var newTier = LifetimeRevenue switch
        {
            >= 50_000m => LoyaltyTier.Platinum,
            >= 10_000m => LoyaltyTier.Gold,
            >= 2_500m => LoyaltyTier.Silver,
            _ => LoyaltyTier.Standard,
        };

        if (newTier > Tier)
        {
            Raise(new LoyaltyTierChanged(CustomerNumber, Tier, newTier, now));
            Tier = newTier;
        }
    }
}
