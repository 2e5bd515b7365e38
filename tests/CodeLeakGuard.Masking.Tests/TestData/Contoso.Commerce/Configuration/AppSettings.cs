using System;
using System.Collections.Generic;

namespace Contoso.Commerce.Configuration;

/// <summary>
/// Settings of the shop host. Values here are defaults for local development; production reads the same keys from
/// the environment. Ask platform-team@contoso.com before adding a key.
/// </summary>
public sealed class AppSettings
{
    public string Environment { get; init; } = "Development";

    public Uri InventoryServiceUrl { get; init; } = new("http://inventory.contoso.internal:8080/api/");

    public Uri ErpGatewayUrl { get; init; } = new("https://erp-gw01.corp/sap/opu/odata/");

    public string BuildAgentHost { get; init; } = "build-agent-17.contoso.local";

    public string WarehouseScannerSubnet { get; init; } = "192.168.40.0/24";

    public string DefaultWarehousePrinter { get; init; } = "192.168.40.77";

    public string ApiKey { get; init; } = "{{SECRET:GenericApiSecret}}";

    public string ClientSecret { get; init; } = "{{SECRET:AzureAdClientSecret}}";

    public string GitHubDeployToken { get; init; } = "{{SECRET:GitHubToken}}";

    public string OpenAiKey { get; init; } = "{{SECRET:OpenAIKey}}";

    public string AnthropicKey { get; init; } = "{{SECRET:AnthropicKey}}";

    public IReadOnlyDictionary<string, string> Extra { get; init; } = new Dictionary<string, string>
    {
        ["SendGrid"] = "{{SECRET:SendGridKey}}",
        ["Maps"] = "{{SECRET:GoogleApiKey}}",
        ["NuGetPush"] = "{{SECRET:NuGetApiKey}}",
        ["Password"] = "W1nter!sComing-2024",
    };

    public string SigningCertificate { get; init; } = """
        {{SECRET:PrivateKeyPem}}
        """;

    public string SupportJwtForSmokeTests { get; init; } = @"{{SECRET:Jwt}}";

    public string ArtifactFeed { get; init; } = "{{SECRET:UrlWithCredentials}}";

    public bool IsProduction => string.Equals(Environment, "Production", StringComparison.OrdinalIgnoreCase);
}
