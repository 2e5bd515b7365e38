using System;
using System.Collections.Generic;
using Contoso.Commerce.Domain;

namespace Contoso.Commerce.Services;

/// <summary>Converts <see cref="Money"/> with the rates of the day (refreshed by <c>RatesFeed</c> at 16:00 CET).</summary>
public sealed class CurrencyConverter
{
    private readonly Dictionary<(string From, string To), decimal> _rates = new();

    public DateOnly RatesDate { get; private set; }

    public void SetRate(string from, string to, decimal rate, DateOnly date)
    {
        if (rate <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rate), "A rate must be positive.");
        }

        _rates[(from, to)] = rate;
        _rates[(to, from)] = 1 / rate;
        RatesDate = date;
    }

    public Money Convert(Money money, string toCurrency)
    {
        if (money.Currency == toCurrency)
        {
            return money;
        }

        return _rates.TryGetValue((money.Currency, toCurrency), out var rate)
            ? new Money(Math.Round(money.Amount * rate, 2), toCurrency)
            : throw new KeyNotFoundException($"No rate from {money.Currency} to {toCurrency} for {RatesDate:yyyy-MM-dd}.");
    }
}
