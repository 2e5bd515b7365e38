#define ENABLE_SURGE_PRICING
using System;
using System.Collections.Generic;

namespace Contoso.Commerce.Configuration;

/// <summary>Feature switches, some decided at compile time.</summary>
public static class FeatureFlags
{
#if ENABLE_SURGE_PRICING
    public const bool SurgePricing = true;
#else
    public const bool SurgePricing = false;
#endif

#if LEGACY_CHECKOUT
    public static readonly string LegacyCheckoutEndpoint = "https://checkout-legacy.corp/api";
    public static bool UseLegacyCheckout(Guid customerId) => LegacyCheckoutRollout.Contains(customerId);
#endif

#if DEBUG && !RELEASE_CANDIDATE
    public static readonly IReadOnlySet<string> InternalTesters = new HashSet<string> { "qa-team@contoso.com" };
#endif

#pragma warning disable CA1802 // kept a static readonly field for binary compatibility
    public static readonly int MaxCartItems = 250;
#pragma warning restore CA1802

#nullable enable
    public static bool IsEnabled(string flag, IReadOnlyDictionary<string, bool>? overrides = null) =>
        overrides is not null && overrides.TryGetValue(flag, out var on) ? on : flag switch
        {
            nameof(SurgePricing) => SurgePricing,
            "NewInvoiceLayout" => true,
            _ => false,
        };
}
