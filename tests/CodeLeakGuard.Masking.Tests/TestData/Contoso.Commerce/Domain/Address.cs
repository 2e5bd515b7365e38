namespace Contoso.Commerce.Domain;

/// <summary>A postal address. Country codes are ISO 3166-1 alpha-2.</summary>
public sealed record Address(string Street, string PostalCode, string City, string CountryCode)
{
    public bool IsDomestic => CountryCode == "DE";

    public string ToSingleLine() => $"{Street}, {PostalCode} {City}, {CountryCode}";
}
