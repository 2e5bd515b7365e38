using System.Text;

namespace CodeLeakGuard.Tests.Shared;

/// <summary>
/// Secrets in every well-known format, generated from a fixed seed: random-looking like real ones, never real, and
/// never written out literally in the repository (so secret scanners have nothing to find in it).
/// </summary>
internal static class FakeSecrets
{
    private const string Upper = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private const string Lower = "abcdefghijklmnopqrstuvwxyz";
    private const string Digits = "0123456789";
    private const string Hex = "0123456789abcdef";
    private const string Alnum = Upper + Lower + Digits;
    private const string Base64 = Alnum + "+/";

    public static string Random(string alphabet, int length, int seed)
    {
        var random = new Random(seed);
        var builder = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            builder.Append(alphabet[random.Next(alphabet.Length)]);
        }

        return builder.ToString();
    }

    public static string AwsAccessKeyId => "AKIA" + Random(Upper + Digits, 16, 1);
    public static string AwsSecretAccessKey => Random(Base64, 40, 2);
    public static string AzureAccountKey => Random(Base64, 86, 3) + "==";
    public static string AzureStorageConnectionString => $"DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey={AzureAccountKey};EndpointSuffix=core.windows.net";
    public static string ServiceBusConnectionString => $"Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={Random(Base64, 43, 4)}=";
    public static string AzureAdClientSecret => Random(Alnum, 3, 5) + "8Q~" + Random(Alnum + "_.-", 34, 6);
    public static string OpenAIKey => "sk-proj-" + Random(Alnum, 48, 7);
    public static string AnthropicKey => "sk-ant-api03-" + Random(Alnum + "_-", 93, 8) + "AA";
    public static string GitHubToken => "ghp_" + Random(Alnum, 36, 9);
    public static string GitHubFineGrainedToken => "github_pat_" + Random(Alnum, 22, 10) + "_" + Random(Alnum, 59, 11);
    public static string GitLabToken => "glpat-" + Random(Alnum + "_-", 20, 12);
    public static string NuGetApiKey => "oy2" + Random(Lower + Digits, 43, 13);
    public static string NpmToken => "npm_" + Random(Alnum, 36, 14);
    public static string SlackBotToken => "xoxb-" + Random(Digits, 12, 15) + "-" + Random(Digits, 13, 16) + "-" + Random(Alnum, 24, 17);
    public static string SlackWebhook => "https://hooks.slack.com/services/T" + Random(Upper + Digits, 8, 18) + "/B" + Random(Upper + Digits, 8, 19) + "/" + Random(Alnum, 24, 20);
    public static string StripeKey => "sk_live_" + Random(Alnum, 24, 21);
    public static string TwilioApiKey => "SK" + Random(Hex, 32, 22);
    public static string SendGridKey => "SG." + Random(Alnum + "_-", 22, 23) + "." + Random(Alnum + "_-", 43, 24);
    public static string Jwt => "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9." + "eyJ" + Random(Alnum, 40, 25) + "." + Random(Alnum + "_-", 43, 26);
    public static string GoogleApiKey => "AIza" + Random(Alnum + "_-", 35, 27);
    public static string HuggingFaceToken => "hf_" + Random(Alnum, 34, 28);
    public static string GcpPrivateKeyId => Random(Hex, 40, 29);
    public static string PrivateKeyBody => Random(Base64, 64, 30) + "\n" + Random(Base64, 64, 31) + "\n" + Random(Base64, 20, 32) + "==";
    public static string PrivateKeyPem => "-----BEGIN RSA PRIVATE KEY-----\n" + PrivateKeyBody + "\n-----END RSA PRIVATE KEY-----";
    public static string DatabasePassword => "Tr0ub4dor&" + Random(Alnum, 6, 33);
    public static string SqlConnectionString => $"Server=sql-prod-01;Database=Orders;User Id=orders_app;Password={DatabasePassword};TrustServerCertificate=true";
    public static string UrlWithCredentials => $"https://deploy:{Random(Alnum, 16, 34)}@packages.contoso.com/feed";
    public static string GenericApiSecret => Random(Alnum, 28, 35);
    public static string MailgunKey => "key-" + Random(Hex, 32, 36);
    public static string DockerHubToken => "dckr_pat_" + Random(Alnum + "_-", 27, 37);
}
