using System;
using System.Globalization;

namespace Contoso.Commerce.Domain;

/// <summary>
/// An amount in one currency. Arithmetic between different currencies throws; use
/// <c>CurrencyConverter.Convert</c> first.
/// </summary>
public readonly record struct Money(decimal Amount, string Currency) : IComparable<Money>
{
    public static Money Zero(string currency) => new(0m, currency);

    public static Money Euro(decimal amount) => new(amount, "EUR");

    public bool IsZero => Amount == 0m;

    public static Money operator +(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount + right.Amount, left.Currency);
    }

    public static Money operator -(Money left, Money right)
    {
        EnsureSameCurrency(left, right);
        return new Money(left.Amount - right.Amount, left.Currency);
    }

    public static Money operator *(Money money, decimal factor) => new(money.Amount * factor, money.Currency);

    public Money Round(int decimals = 2) => new(Math.Round(Amount, decimals, MidpointRounding.AwayFromZero), Currency);

    public int CompareTo(Money other)
    {
        EnsureSameCurrency(this, other);
        return Amount.CompareTo(other.Amount);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Amount:0.00} {Currency}");

    private static void EnsureSameCurrency(Money left, Money right)
    {
        if (!string.Equals(left.Currency, right.Currency, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Cannot combine {left.Currency} and {right.Currency}; convert with CurrencyConverter first.");
        }
    }
}
