using CodeLeakGuard.Policy;
using CodeLeakGuard.Secrets;
using CodeLeakGuard.Tests.Shared;

namespace CodeLeakGuard.Core.Tests;

public class SecretScannerTests
{
    public static TheoryData<string, string, string> FormatsInContext() => new()
    {
        // kind, the text around it ({0} is the secret), the secret
        { "AwsAccessKeyId", "aws_access_key_id = {0}", FakeSecrets.AwsAccessKeyId },
        { "AwsSecretAccessKey", "aws_secret_access_key = {0}", FakeSecrets.AwsSecretAccessKey },
        { "AzureStorageAccountKey", "DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey={0};EndpointSuffix=core.windows.net", FakeSecrets.AzureAccountKey },
        { "AzureAdClientSecret", "ClientSecret: {0}", FakeSecrets.AzureAdClientSecret },
        { "OpenAIKey", "var key = \"{0}\";", FakeSecrets.OpenAIKey },
        { "AnthropicKey", "ANTHROPIC_API_KEY={0}", FakeSecrets.AnthropicKey },
        { "GitHubToken", "git clone https://github.com/contoso/app (token {0})", FakeSecrets.GitHubToken },
        { "GitHubFineGrainedToken", "token: {0}", FakeSecrets.GitHubFineGrainedToken },
        { "GitLabToken", "{0}", FakeSecrets.GitLabToken },
        { "NuGetApiKey", "dotnet nuget push -k {0}", FakeSecrets.NuGetApiKey },
        { "NpmToken", "//registry.npmjs.org/:_authToken={0}", FakeSecrets.NpmToken },
        { "SlackToken", "new SlackClient(\"{0}\")", FakeSecrets.SlackBotToken },
        { "SlackWebhook", "post to {0} when done", FakeSecrets.SlackWebhook },
        { "StripeKey", "StripeConfiguration.ApiKey = \"{0}\";", FakeSecrets.StripeKey },
        { "TwilioApiKey", "{0}", FakeSecrets.TwilioApiKey },
        { "SendGridKey", "new SendGridClient(\"{0}\")", FakeSecrets.SendGridKey },
        { "Jwt", "Authorization: Bearer {0}", FakeSecrets.Jwt },
        { "GoogleApiKey", "https://maps.googleapis.com/maps/api/geocode/json?key={0}", FakeSecrets.GoogleApiKey },
        { "HuggingFaceToken", "HF_TOKEN={0}", FakeSecrets.HuggingFaceToken },
        { "GcpServiceAccountKeyId", "\"type\": \"service_account\", \"private_key_id\": \"{0}\"", FakeSecrets.GcpPrivateKeyId },
        { "PrivateKey", "{0}", FakeSecrets.PrivateKeyPem },
        { "ConnectionStringPassword", "Server=sql-prod-01;User Id=app;Password={0};", FakeSecrets.DatabasePassword },
        { "MailgunKey", "api:{0}", FakeSecrets.MailgunKey },
        { "DockerHubToken", "docker login -p {0}", FakeSecrets.DockerHubToken },
        { "SecretAssignment", "client_secret = \"{0}\"", FakeSecrets.GenericApiSecret },
        { "SecretAssignment", "<add key=\"ClearTextPassword\" value=\"{0}\" />", "zymlopifqyf7m2nxynj5lvff6uzcra3nxf5m5dwink4llchbk62f" }, // NuGet.config: an old Azure DevOps PAT
        { "SecretAssignment", "<add key=\"StripeApiKey\" value=\"{0}\"/>", FakeSecrets.GenericApiSecret }, // appSettings
        { "SecretAssignment", "  \"Jwt\": {{ \"SigningKey\": \"{0}\" }}", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08" },
        { "SecretAssignment", "env:\n  - name: RateCard__SigningKey\n    value: \"{0}\"", "4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a" },
        { "SecretAssignment", "\"env\": [{{\"name\": \"DB_PASSWORD\", \"value\": \"{0}\"}}]", FakeSecrets.DatabasePassword },
        { "SecretAssignment", "    20→            - name: RateCard__SigningKey\n    21→              value: \"{0}\"", "8faefe9db49db102bd8ac8402891208e7d684c17c03de5e2e81d69f1f7647054" },
        { "HexKeyMaterial", "private static readonly byte[] HmacKey = Convert.FromHexString(\"{0}\");", "ef2d127de37b942baad06145e54b0c619a1f22327b2ebbcfbec78f5564afe39d" },
        { "CommandLinePassword", "curl -u deploy:{0} https://nexus.example.com/repository/releases/", "Tr4ck!ngP@ss-2025" },
        { "CommandLinePassword", "mysql -h db01 -u app -p{0} orders < dump.sql", "Tr4ck!ngP@ss-2025" },
        { "CommandLinePassword", "sqlcmd-like-tool --password {0} --user app", "Tr4ck!ngP@ss-2025" },
        { "CommandLinePassword", "sshpass -p '{0}' ssh deploy@build01", "Tr4ck!ngP@ss-2025" },
        // Names whose last word is pass or PAT, a key under a name that is only "Key", a name and value passed side by side.
        { "SecretAssignment", "DB_PASS={0}", "4wo2QivKilt4oTBM" },
        { "SecretAssignment", "RABBITMQ_DEFAULT_PASS: {0}", "5yciyJ5IRKcVPxgb" },
        { "SecretAssignment", "AZURE_DEVOPS_EXT_PAT={0}", "sfcny0y7jek1h74wspxo4l4uqdurhmhxbtmy41vegco5jyvxihv9" },
        { "SecretAssignment", "openssl pkcs12 -export -out api.pfx -passout pass:{0}", "1phvMiKycYE6ZXLp" },
        { "SecretAssignment", "{{ \"Jwt\": {{ \"Key\": \"{0}\", \"Issuer\": \"shop\" }} }}", "7b51878d331736c881b9ca81e5c249b09c6f8f1809b490e10cf8178d2322b58a" },
        { "SecretAssignment", "new Dictionary<string, string?> {{ [\"Jwt:Key\"] = \"{0}\" }}", "7ZhP9jFVwqD3r0Co8gb6fnfKezRgovGS" },
        { "SecretAssignment", "dotnet user-secrets set \"Jwt:Key\" \"{0}\"", "9CZmwAfegbYt2cfLOfZYT7sRkTorlk0C" },
        { "SecretAssignment", "_http.DefaultRequestHeaders.Add(\"x-api-key\", \"{0}\");", "0f60393b6cef7ffa8a89c4dcd846de8d" },
        { "SecretAssignment", "Environment.SetEnvironmentVariable(\"DB_PASSWORD\", \"{0}\");", "XZn+c0cn7J5W5F2t" },
        // Values the checks had taken for placeholders or cut short; passphrases, short passwords, passwords in prose.
        { "SecretAssignment", "SMTP_PASSWORD={0}", "glacier-stumble-orbit-lantern" },
        { "SecretAssignment", "POSTGRES_PASSWORD={0}", "Zk4!pQ7" },
        { "SecretAssignment", "{{ \"Smtp\": {{ \"Password\": \"{0}\" }} }}", "9bgf2ddG>7skCxZ7k" },
        { "SecretAssignment", "{{ \"Smtp\": {{ \"Password\": \"{0}\" }} }}", "wo4Vx+\\\"N+VPX5w-_G" },
        { "SecretAssignment", "The staging DB password is {0} - can you update the connection string?", "2SKQB5o1b6IPmIpw" },
        { "ConnectionStringPassword", "Server=sql01;User Id=app;Password={0};", "Sphere7!Lakes9" },
        { "ConnectionStringPassword", "Server=sql01;User Id=app;Password={0};", "correct horse battery staple" },
        { "ConnectionStringPassword", "Driver={{ODBC Driver 18 for SQL Server}};Server=tcp:sql01;UID=sa;PWD={{{0}}};", "1ls5TAiMsq" },
        { "AuthorizationToken", "Authorization: Bearer {0}", "5qzoOBnjKkG1BqgIepH3hFKUwvigzb9E" },
        { "AuthorizationToken", "new AuthenticationHeaderValue(\"Bearer\", \"{0}\")", "3IhXKFyHOEACTMMvO6k8c4hvqB1NEepc" },
        // Command lines beyond curl and mysql.
        { "CommandLinePassword", "docker login contoso.azurecr.io -u contoso -p {0}", "4l1qcKxe9FZYPQlO" },
        { "CommandLinePassword", "dotnet nuget add source https://pkgs.dev.azure.com/contoso/_packaging/feed/nuget/v3/index.json -n contoso -u build -p {0} --store-password-in-clear-text", "z3sm428w8hxcos3uv92kxvzw2drf5tvgyf3nkjv0db0el112rdfd" },
        { "CommandLinePassword", "dotnet nuget push \"**/*.nupkg\" --source https://nuget.contoso.com/v3/index.json --api-key {0}", "xe58gez94zrg4w8q8qkcgvrqbqfz06hx" },
        { "CommandLinePassword", "dotnet dev-certs https -ep ~/.aspnet/https/aspnetapp.pfx -p {0}", "3qVjAtFNGf6j7aY7" },
        { "CommandLinePassword", "sqlcmd -S tcp:sql01,1433 -U sa -P '{0}' -Q \"SELECT 1\"", "2eaf9IIclgvZSUvs" },
        { "CommandLinePassword", "redis-cli -h cache01 -a {0} INFO", "1qP1I6Y4jaKsEogs" },
        { "CommandLinePassword", "Invoke-Sqlcmd -ServerInstance sql01 -Username sa -Password \"{0}\" -Query \"SELECT 1\"", "6StBMCBWH0MdAn0F" },
        { "CommandLinePassword", "$secure = ConvertTo-SecureString \"{0}\" -AsPlainText -Force", "1GvfGcEOxVg24T66" },
        { "CommandLinePassword", "echo \"{0}\" | docker login contoso.azurecr.io -u contoso --password-stdin", "1G7W8j2SK0DjUVVn" },
        { "EmailAddress", "Contact {0} for access.", "jane.doe@contoso.com" },
        { "InternalHost", "Deploy to {0} first.", "build-agent-07.corp" },
        { "PrivateIpAddress", "The database is at {0}:5432.", "10.20.30.40" },
        { "PrivateIpAddress", "gateway {0}", "172.16.8.1" },
        { "PrivateIpAddress", "printer {0}", "192.168.1.23" },
    };

    [Theory]
    [MemberData(nameof(FormatsInContext))]
    public void Each_format_is_found_with_its_kind_and_exact_span(string kind, string context, string secret)
    {
        var text = string.Format(context, secret);
        var match = Assert.Single(SecretScanner.Default.Scan(text));
        Assert.Equal(kind, match.Kind);
        Assert.Equal(secret, text.Substring(match.Start, match.Length));
    }

    [Fact]
    public void There_are_at_least_thirty_credential_formats()
    {
        var kinds = BuiltInSecretFormats.All.Where(f => f.IsCredential).Select(f => f.Kind).Distinct().ToList();
        Assert.True(kinds.Count >= 30, $"only {kinds.Count} credential kinds: {string.Join(", ", kinds)}");
        Assert.All(SecretScanner.Default.Formats, f => Assert.Matches("^[A-Za-z]+$", f.Kind));
    }

    [Fact]
    public void An_Anthropic_key_is_not_also_an_OpenAI_key_and_a_url_password_is_not_an_email()
    {
        var text = $"a={FakeSecrets.AnthropicKey} b={FakeSecrets.UrlWithCredentials}";
        var matches = SecretScanner.Default.Scan(text);
        Assert.Equal(["AnthropicKey", "UrlCredentials"], matches.Select(m => m.Kind));
        Assert.StartsWith("deploy:", text.Substring(matches[1].Start, matches[1].Length));
    }

    [Fact]
    public void Several_secrets_in_one_text_come_back_in_text_order_without_overlaps()
    {
        var text = $"{FakeSecrets.SqlConnectionString}\nkey {FakeSecrets.GitHubToken}\nmail ops@contoso.com\n{FakeSecrets.ServiceBusConnectionString}";
        var matches = SecretScanner.Default.Scan(text);
        Assert.Equal(["ConnectionStringPassword", "GitHubToken", "EmailAddress", "AzureSharedAccessKey"], matches.Select(m => m.Kind));
        Assert.True(matches.Zip(matches.Skip(1)).All(p => p.First.End <= p.Second.Start));
    }

    [Theory]
    [InlineData("var id = Guid.Parse(\"3f2504e0-4f89-11d3-9a0c-0305e82c3301\");")]
    [InlineData("Assert.Equal(\"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\", Sha256(\"\"));")]
    [InlineData("apiKey = \"your-api-key-here\"")]
    [InlineData("OPENAI_API_KEY=sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("Keys start with sk- and are secret; never paste one here.")]
    [InlineData("password = \"changeme\"")]
    [InlineData("password = \"{0}\"")]
    [InlineData("var tokenUrl = \"https://login.contoso.com/oauth2/token\";")]
    [InlineData("const string PasswordKey = \"Auth:Password\";")]
    [InlineData("aws_access_key_id = AKIAIOSFODNN7EXAMPLE")]
    [InlineData("Server=.;Database=Orders;Password=<password>;")]
    [InlineData("[assembly: AssemblyVersion(\"10.0.0.0\")]")]
    [InlineData("Version 10.1.2.3.4 of the tool, loopback 127.0.0.1, public 8.8.8.8")]
    [InlineData("See https://contoso.com/docs and the corp.contoso.com portal.")]
    [InlineData("CancellationToken token = default; var secretName = \"orders-db-password\";")]
    [InlineData("mscorlib, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089")]
    [InlineData("Test name: DecompileC10PublicUnsafeFixedIntArr10Members")]
    [InlineData("docker run -u 1000:1000 app; git push -u origin main; curl -u \"$USER:$PASS\" https://x; mysql -u root -p orders")]
    [InlineData("<add key=\"PasswordPolicy\" value=\"Strict\" /> <input type=\"password\" value=\"{{pwd}}\">")]
    [InlineData("var hash = Convert.FromHexString(\"00000000000000000000000000000000\");")]
    [InlineData("docker run -p 8080:80 -p 5432:5432 postgres; helm install shop ./chart -p 443:443")]
    [InlineData("Format(\"AzureAdClientSecret\", \"Microsoft Entra ID (Azure AD) client secret\", Credential,")]
    [InlineData("case SyntaxKind.LessThanToken:\n    depth++;\n    break;")]
    [InlineData("Basic authentication and Bearer tokens are both supported (see RFC 6750).")]
    [InlineData("var key = \"orders-2024-eu-west-1\"; var cacheKey = \"3f2504e0-4f89-11d3-9a0c-0305e82c3301\"; PartitionKey = \"ProductCatalog2024IndexV2\";")]
    [InlineData("BYPASS=true; GITHUB_PATH=/usr/local/bin; \"Password\": \"Required\"")]
    [InlineData("var cs = $\"Server=db01;User Id=app;Password={password};\"; var odbc = $\"PWD={settings.Pwd};\";")]
    [InlineData("[InlineData(\"*.Secret.cs\", \"a/b/Keys.secret.cs\", false)]")]
    [InlineData("var client = new SearchClient(\"B1G2GM9NG0\", key); var url = \"https://x.example/search?appid=B1G2GM9NG0&q=shoes\";")]
    [InlineData("| Setting | Password | Token |\n|---|---|---|\n| Dev | ******** | `${API_TOKEN}` |\n| Prod | (from Key Vault) | see below |")]
    [InlineData("| Name | Secret |\n| Orders | 3VPaQzfZseGM2X3g |")] // no delimiter row: not a table
    [InlineData("| Env | Owner |\n|---|---|\n| staging | 3VPaQzfZseGM2X3g |")] // no column names a secret
    public void Ordinary_text_test_vectors_and_placeholders_are_not_secrets(string text) =>
        Assert.Empty(SecretScanner.Default.Scan(text));

    [Fact]
    public void A_key_body_split_from_its_header_is_still_masked_as_key_material()
    {
        var line = FakeSecrets.Random("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/", 64, 99);
        var match = Assert.Single(SecretScanner.Default.Scan($"\"{line}\" +"));
        Assert.Equal(("HighEntropyString", SecretCategory.PossibleCredential), (match.Kind, match.Category));
        Assert.False(match.Format.IsCredential);
    }

    [Fact]
    public void Policy_secret_rules_and_internal_host_suffixes_are_scanned_first()
    {
        var policy = AiPolicy.Parse("""
            secret "Contoso deploy token" pattern="ctso_[A-Za-z0-9]{24}" reason="internal deploy token"
            set internal-hosts="*.contoso.net"
            """, "codeleakguard.policy");
        Assert.Empty(policy.Diagnostics);
        var token = "ctso_" + FakeSecrets.Random("abcdefghijklmnopqrstuvwxyz0123456789", 24, 5);
        var matches = SecretScanner.For(policy).Scan($"deploy --token {token} --target billing.eu.contoso.net --fallback ci.corp");
        Assert.Equal(["ContosoDeployToken", "InternalHost", "InternalHost"], matches.Select(m => m.Kind));
        Assert.Same(SecretScanner.For(policy), SecretScanner.For(policy));
        Assert.Same(SecretScanner.Default, SecretScanner.For(AiPolicy.Default));
    }

    [Fact]
    public void A_regex_that_times_out_fails_closed_as_one_unscannable_range()
    {
        var policy = AiPolicy.Parse("secret Evil pattern=\"(a+)+$\"", "codeleakguard.policy");
        var text = "prefix " + new string('a', 40_000) + "!";
        var match = Assert.Single(SecretScanner.For(policy).Scan(text, 3, text.Length - 3));
        Assert.Equal((SecretScanner.UnscannableKind, 3, text.Length - 3), (match.Kind, match.Start, match.Length));
    }

    [Theory]
    [InlineData("dbPassword", true)]
    [InlineData("API_KEY", true)]
    [InlineData("client_secret", true)]
    [InlineData("StripeApiKey", true)]
    [InlineData("secretName", false)]
    [InlineData("tokenEndpoint", false)]
    [InlineData("passwordHint", false)]
    [InlineData("orderTotal", false)]
    public void Sensitive_names(string name, bool sensitive) => Assert.Equal(sensitive, SecretHeuristics.IsSensitiveName(name));

    [Theory]
    [InlineData("hunter2!x", true)]
    [InlineData("Tr0ub4dor&3", true)]
    [InlineData("Bearer", false)]
    [InlineData("your-password", false)]
    [InlineData("********", false)]
    [InlineData("${DB_PASSWORD}", false)]
    [InlineData("/run/secrets/db", false)]
    public void Secret_like_values(string value, bool secret) => Assert.Equal(secret, SecretHeuristics.IsLikelySecretValue(value));

    [Fact]
    public void A_table_cell_scanned_on_its_own_finds_its_header_above()
    {
        // The masker scans a cell's inline code apart from the prose around it.
        var text = "| Env | Password |\n|---|---|\n| staging | `3VPaQzfZseGM2X3g` |\n";
        var start = text.IndexOf("3VPa", StringComparison.Ordinal);
        var match = Assert.Single(SecretScanner.Default.Scan(text, start, 16));
        Assert.Equal((start, 16), (match.Start, match.Length));
        Assert.True(SecretScanner.Default.MightContainSecret(text, start, 16));
        Assert.Empty(SecretScanner.Default.Scan(text, 0, start - 1)); // the row's start alone holds no secret
    }

    [Fact]
    public void Entropy_separates_keys_from_words()
    {
        Assert.Equal(0, ShannonEntropy.BitsPerChar("aaaaaaaa"));
        Assert.Equal(1, ShannonEntropy.BitsPerChar("abababab"), 6);
        Assert.True(ShannonEntropy.BitsPerChar(FakeSecrets.OpenAIKey) > 4.5);
    }

    [Fact]
    public void Bad_masking_settings_in_the_policy_are_reported_at_their_line()
    {
        var document = PolicyParser.Parse("set internal-hosts=\"*.co ntoso\"\nset sensitive-terms=\"Contoso Pay\"\nset sensitive-terms=\"Contoso,ContosoPay\"", "p");
        Assert.Equal([1, 2], document.Diagnostics.Select(d => d.Location.Line));
        Assert.Equal(["Contoso", "ContosoPay"], document.SensitiveTerms);
    }

    [Fact]
    public void Anchor_prefilter_marks_exactly_the_formats_whose_anchors_occur()
    {
        // The index skips positions by character pairs: check it against a plain search of every anchor, on text
        // made of anchors in both cases, their prefixes and neighbours, and non-ASCII characters.
        var formats = SecretScanner.Default.Formats;
        var index = new AnchorIndex(formats);
        var pieces = formats.SelectMany(f => f.Anchors).SelectMany(a => new[] { a, a.ToUpperInvariant(), a.ToLowerInvariant(), a.Substring(0, 1), a.Substring(0, a.Length - 1) })
            .Concat(["é", "ß", "Ω", "\u212A", " ", "x", "\n", "-", "_", "."])
            .ToArray();
        var random = new Random(20251123);
        for (var round = 0; round < 2000; round++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 6)).Select(_ => pieces[random.Next(pieces.Length)]));
            var found = new bool[formats.Count];
            index.Find(text, 0, text.Length, found);
            for (var f = 0; f < formats.Count; f++)
            {
                var comparison = formats[f].AnchorsIgnoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
                var expected = formats[f].Anchors.Any(a => a.Length > 0 && text.IndexOf(a, comparison) >= 0);
                Assert.True(expected == found[f], $"{formats[f].Kind} in \"{text}\": expected {expected}");
            }
        }
    }
}
