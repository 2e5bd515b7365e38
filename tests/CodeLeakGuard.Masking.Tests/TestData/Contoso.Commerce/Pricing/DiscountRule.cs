using System;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Pricing;

/// <summary>A discount that applies to an order when <see cref="Applies"/> says so.</summary>
public abstract class DiscountRule
{
    protected DiscountRule(string code, int priority)
    {
        Code = code;
        Priority = priority;
    }

    public string Code { get; }

    /// <summary>Lower runs first; only the first exclusive rule that applies counts.</summary>
    public int Priority { get; }

    public virtual bool IsExclusive => false;

    public abstract bool Applies(Order order, Customer customer);

    public abstract Money Discount(Order order, Money subtotal);
}

/// <summary>A percentage off orders above a minimum, e.g. 5% off from 200 EUR.</summary>
public sealed class VolumeDiscountRule : DiscountRule
{
    private readonly decimal _minimumSubtotal;
    private readonly decimal _percent;

    public VolumeDiscountRule(decimal minimumSubtotal, decimal percent)
        : base($"VOLUME{percent:0}", priority: 20)
    {
        if (percent is <= 0 or >= 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent));
        }

        _minimumSubtotal = minimumSubtotal;
        _percent = percent;
    }

    public override bool Applies(Order order, Customer customer) => order.Subtotal.Amount >= _minimumSubtotal;

    public override Money Discount(Order order, Money subtotal) => (subtotal * (_percent / 100m)).Round();
}

/// <summary>A coupon code with a fixed amount off; coupons never stack with other rules.</summary>
public sealed class CouponDiscountRule : DiscountRule
{
    private readonly Money _amount;

    public CouponDiscountRule(string couponCode, Money amount)
        : base(couponCode, priority: 10)
    {
        _amount = amount;
    }

    public override bool IsExclusive => true;

    public override bool Applies(Order order, Customer customer) =>
        string.Equals(order.CouponCode, Code, StringComparison.OrdinalIgnoreCase);

    public override Money Discount(Order order, Money subtotal) => subtotal.CompareTo(_amount) < 0 ? subtotal : _amount;
}
