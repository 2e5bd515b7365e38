using System.Collections.Generic;

namespace CodeLeakGuard.Masking.CSharp;

/// <summary>
/// The parameters of well-known .NET types and calls that take a password, key or token as a string: a literal given
/// there is a secret whatever the variable is called (<c>new NetworkCredential("svc_backup", "...")</c>), and key
/// material types whose constructor's bytes are a key (<c>new HMACSHA256(Encoding.UTF8.GetBytes("..."))</c>), and
/// the clients of services, whose arguments that look generated are keys.
/// </summary>
internal static class CredentialParameters
{
    // Callee -> the index of its secret argument.
    private static readonly Dictionary<string, int> SecretArgument = new(System.StringComparer.Ordinal)
    {
        ["NetworkCredential"] = 1, // (userName, password[, domain])
        ["X509Certificate"] = 1, // (fileName, password)
        ["X509Certificate2"] = 1,
        ["LoadPkcs12FromFile"] = 1, // X509CertificateLoader
        ["LoadPkcs12"] = 1,
        ["ClientSecretCredential"] = 2, // Azure.Identity (tenantId, clientId, clientSecret)
        ["UsernamePasswordCredential"] = 1, // (username, password, tenantId, clientId)
        ["AzureKeyCredential"] = 0,
        ["AzureSasCredential"] = 0,
        ["AzureNamedKeyCredential"] = 1, // (name, key)
        ["ApiKeyCredential"] = 0, // System.ClientModel: the OpenAI SDK's key
        ["AuthenticationHeaderValue"] = 1, // (scheme, parameter): the token of "Bearer ..."
        ["HttpBasicAuthenticator"] = 1, // RestSharp (username, password)
        ["BasicAWSCredentials"] = 1, // (accessKey, secretKey)
        ["StorageSharedKeyCredential"] = 1, // (accountName, accountKey)
        ["Authenticate"] = 1, // MailKit's IMAP, POP3 and SMTP clients (userName, password)
        ["AuthenticateAsync"] = 1,
    };

    // Types whose constructor takes key bytes, so the text decoded for them is the key.
    private static readonly HashSet<string> KeyMaterialTypes = new(System.StringComparer.Ordinal)
    {
        "SymmetricSecurityKey", "HMACSHA1", "HMACSHA256", "HMACSHA384", "HMACSHA512", "HMACSHA3_256", "HMACSHA3_384", "HMACSHA3_512", "HMACMD5",
    };

    /// <summary>True when argument <paramref name="index"/> of <paramref name="callee"/> (qualified by <paramref name="qualifier"/>, or null) is a secret.</summary>
    public static bool IsSecretArgument(string callee, string? qualifier, int index) =>
        (SecretArgument.TryGetValue(callee, out var secretIndex) && secretIndex == index)
        || (callee == "Init" && qualifier == "TwilioClient" && index == 1); // (accountSid, authToken)

    /// <summary>
    /// True when <paramref name="callee"/> makes a service's client (<c>new SearchClient("app", "...")</c>,
    /// <c>MailjetClient.Create(...)</c>): an argument that looks like a generated key is its key, whatever the
    /// parameter is called (other arguments, such as an index name or a region, are not looked at).
    /// </summary>
    public static bool MakesClient(string callee, string? qualifier) =>
        callee.EndsWith("Client", System.StringComparison.Ordinal) || (callee == "Create" && qualifier is not null && qualifier.EndsWith("Client", System.StringComparison.Ordinal));

    public static bool IsKeyMaterialType(string name) => KeyMaterialTypes.Contains(name);
}
