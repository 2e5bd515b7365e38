using System.Collections.Generic;
using static CodeLeakGuard.Secrets.SecretCategory;
using static CodeLeakGuard.Secrets.SecretValueCheck;

namespace CodeLeakGuard.Secrets;

/// <summary>
/// The well-known secret formats, most specific first: when two matches overlap, the earlier format in this list wins
/// (an Anthropic key is not also reported as an OpenAI key, a connection-string password not as a generic one).
/// Internal host names depend on the policy, so <see cref="SecretScanner"/> adds that format itself.
/// </summary>
public static class BuiltInSecretFormats
{
    // Characters that may continue a token: a match must not start or end inside a longer token.
    private const string TokenBefore = "(?<![A-Za-z0-9_-])";
    private const string TokenAfter = "(?![A-Za-z0-9_-])";

    public static IReadOnlyList<SecretFormat> All { get; } = new[]
    {
        // Private keys and structured credentials.
        Format("PrivateKey", "private key block", Credential,
            @"-----BEGIN[A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----[\s\S]{0,16384}?-----END[A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----", None, "-----BEGIN"),
        Format("PrivateKey", "private key block (header of a key split across strings)", Credential,
            @"-----BEGIN[A-Z ]{0,40}PRIVATE KEY(?: BLOCK)?-----", None, "-----BEGIN"),
        Format("GcpServiceAccountKeyId", "Google Cloud service account key id", Credential,
            @"""private_key_id""\s*:\s*""(?<secret>[a-f0-9]{40})""", None, "private_key_id"),
        Format("AzureStorageAccountKey", "Azure storage account key (AccountKey=)", Credential,
            @"(?i:AccountKey)\s*=\s*(?<secret>[A-Za-z0-9+/]{20,}={0,2})", NotPlaceholder, ignoreCase: true, "AccountKey"),
        Format("AzureSharedAccessKey", "Azure Service Bus / Event Hubs / IoT shared access key", Credential,
            @"(?i:SharedAccessKey)\s*=\s*(?<secret>[A-Za-z0-9+/]{20,}={0,2})", NotPlaceholder, ignoreCase: true, "SharedAccessKey"),
        Format("AzureSasToken", "Azure shared access signature", Credential,
            @"[?&;](?i:sig)=(?<secret>[A-Za-z0-9%+/=]{20,})", NotPlaceholder, ignoreCase: true, "sig="),
        // An application's key in a URL's query (OpenWeatherMap's appid=, app_key=): only a value that looks generated,
        // since an application's id is often public (Algolia's "B1G2GM9NG0").
        Format("UrlQueryKey", "application key in a URL's query (appid=, app_key=)", Credential,
            @"[?&;](?i:app_?id|app_?key|application_?key)=(?<secret>[A-Za-z0-9_-]{24,256})(?![A-Za-z0-9_-])", GeneratedKey, ignoreCase: true, "appid=", "app_id=", "appkey=", "app_key=", "application_key=", "applicationkey="),
        Format("AzureAdClientSecret", "Microsoft Entra ID (Azure AD) client secret", Credential,
            @"(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}[0-9]Q~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])", Random, "Q~"),
        Format("ConnectionStringPassword", "password in a connection string", Credential,
            // A value runs to the `;` that ends it, spaces included ("correct horse battery staple;"), or to the first space
            // when no `;` follows; ODBC quotes a value in braces (PWD={...}), which an interpolated string's hole
            // (Password={password}) is not.
            @"(?<![A-Za-z0-9_])(?i:password|pwd)\s*=\s*(?:\{(?![\s|]|[A-Za-z_][A-Za-z0-9_.]*\})(?<secret>[^}\r\n]{1,256})\}|(?<secret>""[^""\r\n]{1,256}""|'[^'\r\n]{1,256}'|[^;""'\s<>{}](?:[^;""'\r\n<>{}]{0,255}(?=;)|[^;""'\s<>{}]{0,255})))",
            NotPlaceholder, ignoreCase: true, "password", "pwd"),
        Format("UrlCredentials", "user name and password in a URL", Credential,
            @"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]{1,20}://(?<secret>[^\s:/?#@""'<>{}]{1,128}:[^\s/?#@""'<>{}]{1,256})@", NotPlaceholder, "://"),

        // AI providers.
        Format("AnthropicKey", "Anthropic API key", Credential, TokenBefore + @"sk-ant-[A-Za-z0-9_-]{20,}", Random, "sk-ant-"),
        Format("OpenAIKey", "OpenAI API key", Credential, TokenBefore + @"sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}", Random, "sk-"),
        Format("HuggingFaceToken", "Hugging Face access token", Credential, TokenBefore + @"hf_[A-Za-z0-9]{30,}" + TokenAfter, Random, "hf_"),
        Format("GroqKey", "Groq API key", Credential, TokenBefore + @"gsk_[A-Za-z0-9]{40,}" + TokenAfter, Random, "gsk_"),
        Format("XaiKey", "xAI API key", Credential, TokenBefore + @"xai-[A-Za-z0-9]{40,}" + TokenAfter, Random, "xai-"),
        Format("PerplexityKey", "Perplexity API key", Credential, TokenBefore + @"pplx-[A-Za-z0-9]{40,}" + TokenAfter, Random, "pplx-"),
        Format("ReplicateToken", "Replicate API token", Credential, TokenBefore + @"r8_[A-Za-z0-9]{30,}" + TokenAfter, Random, "r8_"),

        // Cloud providers.
        Format("AwsAccessKeyId", "AWS access key id", Credential,
            @"(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}(?![A-Za-z0-9])", Random,
            "AKIA", "ASIA", "ABIA", "ACCA", "AGPA", "AIDA", "AROA", "AIPA", "ANPA", "ANVA", "APKA"),
        Format("AwsSecretAccessKey", "AWS secret access key", Credential,
            @"(?i:aws)[A-Za-z0-9_.-]{0,20}(?i:secret|private)[A-Za-z0-9_.-]{0,20}[""']?\s*[:=]\s*[""']?(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+])", Random, ignoreCase: true, "aws"),
        Format("GoogleApiKey", "Google API key", Credential, TokenBefore + @"AIza[0-9A-Za-z_-]{35}" + TokenAfter, Random, "AIza"),
        Format("GoogleOAuthClientSecret", "Google OAuth client secret", Credential, TokenBefore + @"GOCSPX-[A-Za-z0-9_-]{28}" + TokenAfter, Random, "GOCSPX-"),
        Format("GoogleOAuthToken", "Google OAuth access token", Credential, TokenBefore + @"ya29\.[0-9A-Za-z_-]{20,}", Random, "ya29."),
        Format("AlibabaAccessKey", "Alibaba Cloud access key id", Credential, TokenBefore + @"LTAI[A-Za-z0-9]{12,20}" + TokenAfter, Random, "LTAI"),
        Format("DigitalOceanToken", "DigitalOcean token", Credential, TokenBefore + @"do[opr]_v1_[0-9a-f]{64}" + TokenAfter, Random, "_v1_"),
        Format("DatabricksToken", "Databricks personal access token", Credential, TokenBefore + @"dapi[0-9a-f]{32}(?:-[0-9])?" + TokenAfter, Random, "dapi"),

        // Source hosts and package registries.
        Format("GitHubToken", "GitHub token", Credential, TokenBefore + @"gh[pousr]_[A-Za-z0-9]{36,}" + TokenAfter, Random, "ghp_", "gho_", "ghu_", "ghs_", "ghr_"),
        Format("GitHubFineGrainedToken", "GitHub fine-grained personal access token", Credential, TokenBefore + @"github_pat_[A-Za-z0-9_]{40,}" + TokenAfter, Random, "github_pat_"),
        Format("GitLabToken", "GitLab token", Credential, TokenBefore + @"gl(?:pat|ptt|dt|rt)-[A-Za-z0-9_-]{20,}" + TokenAfter, Random, "glpat-", "glptt-", "gldt-", "glrt-"),
        Format("NuGetApiKey", "NuGet API key", Credential, TokenBefore + @"oy2[a-z0-9]{43}" + TokenAfter, Random, "oy2"),
        Format("NpmToken", "npm access token", Credential, TokenBefore + @"npm_[A-Za-z0-9]{36}" + TokenAfter, Random, "npm_"),
        Format("PyPIToken", "PyPI API token", Credential, TokenBefore + @"pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}", Random, "pypi-AgEIcHlwaS5vcmc"),
        Format("DockerHubToken", "Docker Hub personal access token", Credential, TokenBefore + @"dckr_pat_[A-Za-z0-9_-]{20,}" + TokenAfter, Random, "dckr_pat_"),

        // Payment, chat, mail and messaging.
        Format("StripeKey", "Stripe secret or restricted key", Credential, TokenBefore + @"[sr]k_(?:live|test)_[A-Za-z0-9]{16,}" + TokenAfter, Random, "sk_live_", "sk_test_", "rk_live_", "rk_test_"),
        Format("SquareToken", "Square access token", Credential, TokenBefore + @"sq0(?:atp|csp)-[0-9A-Za-z_-]{22,}", Random, "sq0"),
        Format("ShopifyToken", "Shopify access token", Credential, TokenBefore + @"shp(?:at|ca|pa|ss)_[0-9a-fA-F]{32}" + TokenAfter, Random, "shpat_", "shpca_", "shppa_", "shpss_"),
        Format("SlackToken", "Slack token", Credential, TokenBefore + @"xox[abposr]-[A-Za-z0-9-]{10,}" + TokenAfter, Random, "xox"),
        Format("SlackWebhook", "Slack incoming webhook URL", Credential, @"https://hooks\.slack\.com/services/[A-Za-z0-9_/]{20,}", None, "hooks.slack.com"),
        Format("DiscordWebhook", "Discord webhook URL", Credential, @"https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/[0-9]+/[A-Za-z0-9_-]{20,}", None, "discord"),
        Format("TeamsWebhook", "Microsoft Teams incoming webhook URL", Credential, @"https://[A-Za-z0-9-]+\.webhook\.office\.com/webhookb2/[A-Za-z0-9@/-]{20,}", None, "webhook.office.com"),
        Format("TelegramBotToken", "Telegram bot token", Credential, @"(?<![0-9])[0-9]{8,10}:AA[0-9A-Za-z_-]{33}" + TokenAfter, Random, ":AA"),
        Format("TwilioApiKey", "Twilio API key", Credential, TokenBefore + @"SK[0-9a-f]{32}" + TokenAfter, Random, "SK"),
        Format("TwilioAuthToken", "Twilio auth token", Credential,
            @"(?i:twilio)[A-Za-z0-9_.-]{0,30}(?i:token|secret)[A-Za-z0-9_.-]{0,10}[""']?\s*[:=]\s*[""']?(?<secret>[0-9a-f]{32})(?![0-9a-f])", Random, ignoreCase: true, "twilio"),
        Format("SendGridKey", "SendGrid API key", Credential, TokenBefore + @"SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}" + TokenAfter, Random, "SG."),
        Format("MailgunKey", "Mailgun API key", Credential, TokenBefore + @"key-[0-9a-f]{32}" + TokenAfter, Random, "key-"),
        Format("MailchimpKey", "Mailchimp API key", Credential, TokenBefore + @"[0-9a-f]{32}-us[0-9]{1,2}" + TokenAfter, Random, "-us"),

        // Tokens and generic assignments.
        Format("Jwt", "JSON Web Token", Credential, TokenBefore + @"eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}", None, "eyJ"),
        Format("AuthorizationToken", "token of an Authorization header (Bearer, Basic)", Credential,
            @"(?<![A-Za-z])(?i:bearer|basic)(?:[ \t]+|[""']\s*,\s*[""'])(?<secret>(?=[A-Za-z._~+/=-]*[0-9])[A-Za-z0-9._~+/-]{16,512}={0,2})(?![A-Za-z0-9_-])",
            Random, ignoreCase: true, "bearer", "basic"),
        Format("HexKeyMaterial", "key material given to a hex decoder", Credential,
            @"(?:FromHexString|HexToBytes|HexToByteArray|HexStringToByteArray|ParseHex|FromHex)\s*\(\s*@?""(?<secret>[0-9A-Fa-f]{32,512})""", Random,
            "FromHex", "HexTo", "ParseHex", "HexString"),
        Format("CommandLinePassword", "password on a command line (curl -u user:password, mysql -ppassword, --password value)", Credential,
            @"(?<=\s)(?:-u|--user)[ =]?[""']?[^\s:""'@/$%]{1,64}:(?<secret>[^\s""'$%][^\s""']{2,127})"
            + @"|\b(?:mysql|mysqldump|mysqladmin|mariadb)\b[^\r\n]{0,200}?\s-p(?<secret>[^\s""'$%-][^\s""']{2,127})"
            + @"|(?<=\s)--password[ =][""']?(?<secret>[^\s""'$%-][^\s""']{2,127})"
            + @"|\bsshpass\s+-p\s*[""']?(?<secret>[^\s""'$%][^\s""']{2,127})",
            SecretLike, "-u", "--user", "mysql", "mariadb", "--password", "sshpass"),
        // More command lines, each its own regex so each keeps its literal start (one alternation of them all scanned
        // ten times slower): docker/helm/oras login -p, dotnet nuget add source -p, dotnet dev-certs -p, nuget -k;
        // sqlcmd -P; redis-cli -a; --api-key and the like; PowerShell's -Password "..." and ConvertTo-SecureString;
        // echo ... | docker login --password-stdin (or az devops login).
        Format("CommandLinePassword", "password or key given to a command-line tool (docker -p, sqlcmd -P, redis-cli -a, nuget -k)", Credential,
            @"\b(?:docker|podman|nerdctl|helm|oras|nuget|dev-certs)\b[^\r\n]{0,200}?\s-[pk][ \t]+[""']?(?<secret>[^\s""'$%-][^\s""']{2,127})"
            + @"|\bsqlcmd\b[^\r\n]{0,200}?\s-P[ \t]*[""']?(?<secret>[^\s""'$%-][^\s""']{2,127})"
            + @"|\bredis-cli\b[^\r\n]{0,200}?\s-a[ \t]+[""']?(?<secret>[^\s""'$%-][^\s""']{2,127})",
            SecretLike, "docker", "podman", "nerdctl", "helm", "oras", "nuget", "dev-certs", "sqlcmd", "redis-cli"),
        Format("CommandLinePassword", "key or token option on a command line (--api-key, --token, --client-secret)", Credential,
            @"(?<=\s)--(?:api-?key|token|access-token|auth-token|secret|client-secret)[ =][""']?(?<secret>[^\s""'$%-][^\s""']{2,127})",
            SecretLike, "--api", "--token", "--access-token", "--auth-token", "--secret", "--client-secret"),
        Format("CommandLinePassword", "PowerShell password or key parameter (-Password, -ApiKey, ConvertTo-SecureString)", Credential,
            @"(?<=\s)-(?:Password|ApiKey|NuGetApiKey|Token|AccessToken|Secret|ClientSecret|Pat)[ \t]+[""']?(?<secret>[^\s""'$%-][^\s""']{2,127})"
            + @"|\bConvertTo-SecureString[ \t]+(?:-String[ \t]+)?[""'](?<secret>[^""'\r\n$]{4,127})[""']",
            SecretLike, ignoreCase: true, "-password", "-apikey", "-nugetapikey", "-token", "-accesstoken", "-secret", "-clientsecret", "-pat", "convertto-securestring"),
        Format("CommandLinePassword", "password piped into a login (echo ... | docker login --password-stdin)", Credential,
            @"\becho[ \t]+[""']?(?<secret>[^\s""'|$%-][^\s""'|]{5,127})[""']?[ \t]*\|[^\r\n|]{0,160}?(?:--password-stdin|\blogin\b)",
            SecretLike, "echo"),
        // name = value, and the name/value pairs of configuration: <add key="ClearTextPassword" value="..."/> (NuGet.config,
        // appSettings), "- name: DB_PASSWORD" then "value: ..." (Kubernetes, YAML; also as a numbered listing, as coding
        // agents read files), {"name": "...", "value": "..."} (JSON). Any name holding "key" (apiKey, SigningKey, API_KEY;
        // not XML's key="..." before its value=): whether it names a secret is the check's, which sees the whole name
        // (listing the kinds of key here cost a fifth more scanning time).
        Format("SecretAssignment", "password, secret, token or API key assigned a value", Credential,
            @"(?i:password|passwd|pwd|passphrase|pass(?![a-z])|pat(?![a-z])|secret|token|key(?![ \t]*=[ \t]*[""'][^""'\r\n]*[""'][ \t]+value)|credentials?)"
            + @"[A-Za-z0-9_.-]{0,20}[""']?\]?\s*(?:(?::|=|:=|=>|\s+is:?\s+|,?\s*(?:[0-9]{1,7}[→\t]\s*)?[""']?(?i:value)[""']?\s*[:=])\s*"
            + @"(?:""(?<secret>(?:[^""\\\r\n]|\\.){6,256})""|'(?<secret>[^'\r\n]{6,256})'|(?<secret>[^\s""',;#<>{}()\[\]]{6,256}))"
            // A quoted name and its quoted value side by side, as calls and commands pass them: Add("x-api-key", "..."),
            // SetEnvironmentVariable("DB_PASSWORD", "..."), dotnet user-secrets set "Jwt:Key" "...". Without spaces: a
            // description beside a name ("ClientSecret", "the client's secret") is not a value.
            + @"|(?<=[""'])\s*,?\s*(?:""(?<secret>[^""'\s]{6,256})""|'(?<secret>[^""'\s]{6,256})'))",
            Assignment, ignoreCase: true, "password", "passwd", "pwd", "pass", "secret", "token", "key", "credential", "_pat", "-pat"),

        // A table's cells under a column named for a secret (found by code: a regex cannot pair a cell with its header).
        TableColumnSecrets.Format,

        // People and the internal network.
        Format("EmailAddress", "e-mail address", PersonalData,
            @"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*\.[A-Za-z]{2,24}(?![A-Za-z0-9-])", None, "@"),
        Format("PrivateIpAddress", "private IPv4 address", InternalInfrastructure,
            @"(?<![0-9.])(?:10\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}|172\.(?:1[6-9]|2[0-9]|3[01])\.[0-9]{1,3}\.[0-9]{1,3}|192\.168\.[0-9]{1,3}\.[0-9]{1,3})(?![0-9]|\.[0-9])", PrivateIpv4, "10.", "172.", "192.168."),

        // Last: key material with no known prefix (a base64 key body, an unknown vendor's token).
        new SecretFormat("HighEntropyString", "long high-entropy string (likely key material)", PossibleCredential,
            SecretFormat.Compile(@"(?<![A-Za-z0-9+/=_-])[A-Za-z0-9+/_-]{40,1024}={0,2}(?![A-Za-z0-9+/=_-])"), new string[0], check: HighEntropyBlob, minimumLength: 40)
        {
            Gate = (text, start, length) => HasRun(text, start, length, 40),
        },
    };

    // True when the text holds a run of at least `minimum` key-material characters: only then is the regex worth running.
    private static bool HasRun(string text, int start, int length, int minimum)
    {
        var run = 0;
        for (var i = start; i < start + length; i++)
        {
            var c = text[i];
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' or '+' or '/' or '_' or '-')
            {
                if (++run >= minimum)
                {
                    return true;
                }
            }
            else
            {
                run = 0;
            }
        }

        return false;
    }

    private static SecretFormat Format(string kind, string description, SecretCategory category, string pattern, SecretValueCheck check, params string[] anchors) =>
        new(kind, description, category, SecretFormat.Compile(pattern), anchors, anchorsIgnoreCase: false, check, MinimumAnchorLength(anchors));

    private static SecretFormat Format(string kind, string description, SecretCategory category, string pattern, SecretValueCheck check, bool ignoreCase, params string[] anchors) =>
        new(kind, description, category, SecretFormat.Compile(pattern), anchors, ignoreCase, check, MinimumAnchorLength(anchors));

    private static int MinimumAnchorLength(string[] anchors)
    {
        var minimum = int.MaxValue;
        foreach (var anchor in anchors)
        {
            minimum = System.Math.Min(minimum, anchor.Length);
        }

        return anchors.Length == 0 ? 1 : minimum;
    }
}
